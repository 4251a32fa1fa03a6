// Test-only media faults (see media_faults.py): carries out this visit's plan in the sender's browser.
// Each fault turns one of this page's senders off for a while and on again, counted from the moment the
// peer connection is connected: "freeze" and "video_off" stop the video encoding (the receiver's picture
// stands still), "audio_off" stops the audio encoding (the receiver hears nothing). The camera keeps
// running, so the sender's machine is not starved: the fault is the service's, as a real one would be.
"use strict";

window.vardmoteMediaFaults = (() => {
  const root = document.getElementById("visit");
  const plan = JSON.parse((root && root.dataset.mediaFaults) || "[]");
  const KIND = {freeze: "video", video_off: "video", audio_off: "audio"};
  const applied = new WeakSet();

  async function setActive(peer, kind, active) {
    for (const sender of peer.getSenders()) {
      if (!sender.track || sender.track.kind !== kind) continue;
      const parameters = sender.getParameters();
      if (!parameters.encodings || !parameters.encodings.length) continue;
      parameters.encodings.forEach((encoding) => { encoding.active = active; });
      try { await sender.setParameters(parameters); } catch (error) { console.warn("media fault", error); }
    }
  }

  function watch(peer, role) {
    const mine = plan.filter((fault) => fault.sender === role);
    if (!mine.length || applied.has(peer)) return;
    applied.add(peer);
    const start = () => {
      if (peer.connectionState !== "connected") return;
      peer.removeEventListener("connectionstatechange", start);
      for (const fault of mine) {
        const kind = KIND[fault.action];
        setTimeout(() => setActive(peer, kind, false), fault.start_s * 1000);
        setTimeout(() => setActive(peer, kind, true), (fault.start_s + fault.length_s) * 1000);
      }
    };
    peer.addEventListener("connectionstatechange", start);
  }

  return {watch};
})();
