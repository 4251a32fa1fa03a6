// Test-only media faults (see media_faults.py): carries out this visit's plan in the sender's browser.
// Each fault changes one of this page's senders for a while and back again, counted from the moment the
// peer connection is connected: "freeze" and "video_off" stop the video encoding (the receiver's picture
// stands still), "audio_off" stops the audio encoding (the receiver hears nothing), "bitrate_collapse"
// caps the video encoder at the plan's max_bitrate (the picture keeps moving, starved of bits). The camera
// keeps running, so the sender's machine is not starved: the fault is the service's, as a real one would be.
"use strict";

window.vardmoteMediaFaults = (() => {
  const root = document.getElementById("visit");
  const plan = JSON.parse((root && root.dataset.mediaFaults) || "[]");
  const KIND = {freeze: "video", video_off: "video", audio_off: "audio", bitrate_collapse: "video"};
  const applied = new WeakSet();

  // on: the fault begins; off: it ends and the encoding is as it was.
  function change(fault, encoding, on) {
    if (fault.action === "bitrate_collapse") {
      if (on) encoding.maxBitrate = fault.max_bitrate; else delete encoding.maxBitrate;
    } else {
      encoding.active = !on;
    }
  }

  async function apply(peer, fault, on) {
    for (const sender of peer.getSenders()) {
      if (!sender.track || sender.track.kind !== KIND[fault.action]) continue;
      const parameters = sender.getParameters();
      if (!parameters.encodings || !parameters.encodings.length) continue;
      parameters.encodings.forEach((encoding) => change(fault, encoding, on));
      try { await sender.setParameters(parameters); } catch (error) { console.warn("media fault", error); }
    }
  }

  // peer: a connection that sends this page's media; role: whose media it is (patient or clinician).
  function watch(peer, role) {
    const mine = plan.filter((fault) => fault.sender === role);
    if (!mine.length || applied.has(peer)) return;
    applied.add(peer);
    const start = () => {
      if (peer.connectionState !== "connected") return;
      peer.removeEventListener("connectionstatechange", start);
      for (const fault of mine) {
        setTimeout(() => apply(peer, fault, true), fault.start_s * 1000);
        setTimeout(() => apply(peer, fault, false), (fault.start_s + fault.length_s) * 1000);
      }
    };
    peer.addEventListener("connectionstatechange", start);
    start();  // already connected (the SFU page watches its sending connection once it receives another)
  }

  return {watch};
})();
