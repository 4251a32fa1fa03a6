// Injected before any page script runs: wraps RTCPeerConnection so that the platform can measure any
// service's pages, not only the sandbox's. It remembers every peer connection, times ICE and the first
// decoded remote frame, and samples getStats() of the newest open connection once a second into
// window.__vmqa.samples. Sampling runs inside the page because a synchronous Playwright driver cannot
// poll in the background while a scenario acts; the platform reads the whole series when it needs it.
// Only whitelisted numeric fields are copied: candidate addresses never leave getStats().
(() => {
  if (window.__vmqa) return;
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  const SAMPLE_MS = 1000;
  const MAX_SAMPLES = 3600;  // an hour of visit; older samples are dropped first
  const state = { peers: [], samples: [], sampler: null };
  window.__vmqa = state;

  const FIELDS = {
    inbound_video: ["framesDecoded", "framesReceived", "framesDropped", "framesPerSecond", "frameWidth",
      "frameHeight", "freezeCount", "totalFreezesDuration", "pauseCount", "totalPausesDuration", "packetsLost",
      "packetsReceived", "retransmittedPacketsReceived", "jitter", "bytesReceived", "nackCount"],
    inbound_audio: ["totalAudioEnergy", "audioLevel", "totalSamplesDuration", "concealedSamples",
      "silentConcealedSamples", "concealmentEvents", "totalSamplesReceived", "packetsLost", "packetsReceived",
      "jitter"],
    outbound_video: ["framesEncoded", "framesSent", "framesPerSecond", "frameWidth", "frameHeight",
      "qualityLimitationReason", "bytesSent", "packetsSent", "retransmittedPacketsSent", "targetBitrate", "nackCount"],
    outbound_audio: ["packetsSent", "bytesSent"],
    remote_inbound_video: ["packetsLost", "fractionLost", "roundTripTime", "jitter"],
    remote_inbound_audio: ["packetsLost", "fractionLost", "roundTripTime", "jitter"],
    source_video: ["framesPerSecond", "frames", "width", "height"],
    source_audio: ["audioLevel", "totalAudioEnergy"],
    candidate_pair: ["currentRoundTripTime", "availableOutgoingBitrate", "bytesSent", "bytesReceived",
      "packetsSent", "packetsReceived"],
  };
  const pick = (s, keys) => Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));

  function section(s, selectedPairId) {
    const kind = s.kind || s.mediaType;
    if (s.type === "inbound-rtp") return "inbound_" + kind;
    if (s.type === "outbound-rtp") return "outbound_" + kind;
    if (s.type === "remote-inbound-rtp") return "remote_inbound_" + kind;
    if (s.type === "media-source") return "source_" + kind;
    if (s.type === "candidate-pair" && s.id === selectedPairId) return "candidate_pair";
    return null;
  }

  async function sampleOnce() {
    const open = state.peers.filter((e) => e.peer.connectionState !== "closed");
    const entry = open[open.length - 1];
    if (!entry) return;
    let report;
    try { report = await entry.peer.getStats(); } catch (error) { return; }
    let selectedPairId = null;
    report.forEach((s) => { if (s.type === "transport" && s.selectedCandidatePairId) selectedPairId = s.selectedCandidatePairId; });
    if (selectedPairId === null) {
      report.forEach((s) => { if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded") selectedPairId = s.id; });
    }
    const sample = { t: Date.now(), peer: entry.index, state: entry.peer.connectionState };
    report.forEach((s) => {
      const name = section(s, selectedPairId);
      if (name && FIELDS[name] && !sample[name]) sample[name] = pick(s, FIELDS[name]);
    });
    // The camera's own frame rate (track settings): the reference for "fps relative to the sender's",
    // since media-source stats follow the encoder's adaptation down and would hide a starved encoder.
    for (const sender of entry.peer.getSenders()) {
      if (sender.track && sender.track.kind === "video" && sender.track.getSettings) {
        const settings = sender.track.getSettings();
        const encodings = (sender.getParameters().encodings || [])[0] || {};
        sample.camera = { frameRate: settings.frameRate, width: settings.width, height: settings.height,
          maxFramerate: encodings.maxFramerate };
      }
    }
    state.samples.push(sample);
    if (state.samples.length > MAX_SAMPLES) state.samples.shift();
  }

  function Tracked(...args) {
    const peer = new Native(...args);
    const entry = { peer, index: state.peers.length, createdAt: Date.now(), connectedAt: null, firstFrameAt: null };
    state.peers.push(entry);
    peer.addEventListener("connectionstatechange", () => {
      if (peer.connectionState === "connected" && entry.connectedAt === null) entry.connectedAt = Date.now();
    });
    // First decoded remote frame, polled at 50 ms so that TTFF is measured finer than the 1 s sampler.
    const poll = setInterval(async () => {
      if (peer.signalingState === "closed") { clearInterval(poll); return; }
      let report;
      try { report = await peer.getStats(); } catch (error) { return; }
      report.forEach((s) => {
        if (s.type === "inbound-rtp" && s.kind === "video" && s.framesDecoded > 0 && entry.firstFrameAt === null) {
          entry.firstFrameAt = Date.now();
        }
      });
      if (entry.firstFrameAt !== null) clearInterval(poll);
    }, 50);
    if (state.sampler === null) state.sampler = setInterval(sampleOnce, SAMPLE_MS);
    return peer;
  }
  Tracked.prototype = Native.prototype;
  Object.setPrototypeOf(Tracked, Native);
  window.RTCPeerConnection = Tracked;
})();
