"""The routed video engine (SFU) of the sandbox: Debian's Janus, started by the sandbox process on loopback
with a configuration of its own, and the video rooms the sandbox creates in it per meeting."""
