"""Locust building blocks: clients, users, behaviours, shapes and listeners, and the load model."""
