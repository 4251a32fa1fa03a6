"""The release gate: criteria as data, evaluated purely over a run record, decided with waivers."""
