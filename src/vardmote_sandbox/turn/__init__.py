"""The sandbox's TURN relay on loopback (Debian's coturn): the one path media take between its pages and Janus."""
