// Injected before any page script runs: remembers every RTCPeerConnection the page creates, so that
// the platform can read getStats() from any service's pages, not only the sandbox's.
(() => {
  if (window.__vmqa) return;
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  const state = { peers: [], created: [] };
  window.__vmqa = state;
  function Tracked(...args) {
    const peer = new Native(...args);
    const entry = { peer, createdAt: performance.now(), connectedAt: null, firstFrameAt: null };
    state.peers.push(entry);
    peer.addEventListener("connectionstatechange", () => {
      if (peer.connectionState === "connected" && entry.connectedAt === null) entry.connectedAt = performance.now();
    });
    // First decoded remote frame, polled at 50 ms so that TTFF is measured finer than the sampler's 1 s.
    const poll = setInterval(async () => {
      if (peer.signalingState === "closed") { clearInterval(poll); return; }
      const report = await peer.getStats();
      report.forEach((s) => {
        if (s.type === "inbound-rtp" && s.kind === "video" && s.framesDecoded > 0 && entry.firstFrameAt === null) {
          entry.firstFrameAt = performance.now();
        }
      });
      if (entry.firstFrameAt !== null) clearInterval(poll);
    }, 50);
    return peer;
  }
  Tracked.prototype = Native.prototype;
  Object.setPrototypeOf(Tracked, Native);
  window.RTCPeerConnection = Tracked;
})();
