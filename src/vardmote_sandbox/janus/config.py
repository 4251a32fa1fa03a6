"""Janus's configuration for one sandbox run, written into the run folder: loopback only, and only what
the sandbox uses.

Debian's /etc/janus is the starting point (the plugins' own files are copied from it), but the core and
transport files are written here: the packaged ones listen on every interface, gather ICE candidates on
every address and load every plugin, transport, event handler and logger. Here:
- the http and websockets transports bind 127.0.0.1 on ports chosen by the runner;
- only the transports and plugins the sandbox needs are visible to Janus (a folder of links to Debian's
  libraries), so nothing else is loaded, and no event handler or logger at all;
- no STUN or TURN, IPv6 off, and ICE candidates enforced by address. Janus 1.1.2 skips loopback
  interfaces when it gathers (IFF_LOOPBACK), so 127.0.0.1 can never be its host candidate: enforcing "lo" or
  127.0.0.1 leaves it with no address of its own, and libnice then gathers on every other one (seen here:
  eth0's IPv4, fd00:: and fe80::, with media over fd00::). So the enforce list holds this machine's own
  IPv4 addresses, and IPv6 is ignored. The ignore list names the IPv6 prefixes as a second fence (Janus
  reads it only when no enforce list is set).
- media between a browser and Janus run from this machine's address to the same address, which the
  kernel delivers through the loopback device. The tests check the selected candidate pair of every
  connection (tests/test_secrets_never_leave.py).
- no TURN, not even the sandbox's relay on 127.0.0.1 (turn/): libnice 0.1.21 pins each host socket to its
  interface (setsockopt IP_UNICAST_IF, seen with strace), so a packet from Janus's eth0 socket to
  127.0.0.1 takes eth0's default route to the gateway (`ip route get 127.0.0.1 from <address> oif eth0`)
  and never reaches a relay on loopback: Janus's TURN Allocate was sent and coturn never saw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..owned_process import own_ipv4_addresses

DEBIAN_CONFIGS = Path("/etc/janus")
DEBIAN_LIBRARIES = Path("/usr/lib/x86_64-linux-gnu/janus")
JANUS_JS = Path("/usr/share/javascript/janus-gateway/janus.js")

TRANSPORTS = ("libjanus_http.so", "libjanus_websockets.so")
PLUGINS = ("libjanus_videoroom.so", "libjanus_echotest.so")
PLUGIN_CONFIGS = ("janus.plugin.echotest.jcfg",)
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class JanusPorts:
    http: int
    websockets: int


def _library_folder(folder: Path, kind: str, names: tuple[str, ...]) -> Path:
    """A folder holding links to only these of Debian's Janus libraries (Janus loads all it finds)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        stale.unlink()
    for name in names:
        found = sorted((DEBIAN_LIBRARIES / kind).glob(name + "*"))
        if found:
            (folder / name).symlink_to(found[-1])
    return folder


def write_config(folder: Path, ports: JanusPorts, admin_key: str) -> Path:
    """Writes the whole configuration into folder; returns the path of janus.jcfg."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    plugins = _library_folder(folder / "plugins", "plugins", PLUGINS)
    transports = _library_folder(folder / "transports", "transports", TRANSPORTS)
    empty = folder / "none"
    empty.mkdir(exist_ok=True)
    enforced = ",".join(own_ipv4_addresses() or [LOOPBACK])
    ignored = "fd00::,fe80::,::1"
    (folder / "janus.jcfg").write_text(f"""general: {{
	configs_folder = "{folder}"
	plugins_folder = "{plugins}"
	transports_folder = "{transports}"
	events_folder = "{empty}"
	loggers_folder = "{empty}"
	debug_level = 4
	interface = "{LOOPBACK}"
	server_name = "vardmote-sandbox"
	session_timeout = 60
	protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr", "/var"]
}}
media: {{
	ipv6 = false
	ipv6_linklocal = false
	rtp_port_range = "20000-40000"
}}
nat: {{
	nice_debug = false
	full_trickle = false
	ice_lite = false
	ice_tcp = false
	ice_enforce_list = "{enforced}"
	ice_ignore_list = "{ignored}"
}}
plugins: {{
}}
transports: {{
}}
loggers: {{
}}
events: {{
	broadcast = false
}}
""", encoding="utf-8")
    (folder / "janus.transport.http.jcfg").write_text(f"""general: {{
	json = "plain"
	base_path = "/janus"
	http = true
	port = {ports.http}
	ip = "{LOOPBACK}"
	https = false
}}
admin: {{
	admin_http = false
	admin_https = false
}}
cors: {{
}}
""", encoding="utf-8")
    (folder / "janus.transport.websockets.jcfg").write_text(f"""general: {{
	json = "plain"
	ws = true
	ws_port = {ports.websockets}
	ws_ip = "{LOOPBACK}"
	wss = false
}}
admin: {{
	admin_ws = false
	admin_wss = false
}}
cors: {{
}}
""", encoding="utf-8")
    # Rooms are created by the sandbox per meeting, with this key: a browser cannot create or list rooms.
    (folder / "janus.plugin.videoroom.jcfg").write_text(f"""general: {{
	admin_key = "{admin_key}"
	lock_rtp_forward = true
}}
""", encoding="utf-8")
    for name in PLUGIN_CONFIGS:
        source = DEBIAN_CONFIGS / name
        (folder / name).write_text(source.read_text(encoding="utf-8") if source.exists() else "general: {\n}\n",
                                   encoding="utf-8")
    return folder / "janus.jcfg"
