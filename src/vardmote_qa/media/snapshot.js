// Reads one snapshot of every open peer connection's received media, per remote sender, without any
// addresses. inbound_video/inbound_audio are the first sender's (a two-party call has one).
async () => {
  const state = window.__vmqa;
  if (!state) return { tracked: false };
  const open = state.peers.filter((e) => e.peer.connectionState !== "closed");
  if (!open.length) return { tracked: true, peer: null };
  const pick = (s, keys) => Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  const first = (key) => { const values = open.map((e) => e[key]).filter((v) => v !== null); return values.length ? Math.min(...values) : null; };
  const created = Math.min(...open.map((e) => e.createdAt));
  const frames = state.groups.map((g) => g.firstFrameAt).filter((v) => v !== null);
  const out = { tracked: true, at_ms: performance.now(), peer: {
    connection_state: open[open.length - 1].peer.connectionState,
    connected_after_ms: first("connectedAt") === null ? null : first("connectedAt") - created,
    first_frame_after_ms: frames.length ? Math.min(...frames) - created : null },
    streams: {}, inbound_video: null, inbound_audio: null, outbound_video: null, candidate_pair: null };
  for (const entry of open) {
    const report = await entry.peer.getStats();
    report.forEach((s) => {
      if (s.type === "inbound-rtp") {
        // A track id is unique only within its connection (an SFU may name every subscriber's tracks alike).
        const group = state.groups.find((g) => g.peer === entry.index && g.tracks[s.trackIdentifier]);
        const key = group ? group.key : `anslutning-${entry.index}`;
        const stream = out.streams[key] || (out.streams[key] = { inbound_video: null, inbound_audio: null });
        if (s.kind === "video") stream.inbound_video = pick(s, ["framesDecoded", "framesReceived",
          "framesDropped", "framesPerSecond", "frameWidth", "frameHeight", "freezeCount", "totalFreezesDuration",
          "pauseCount", "totalPausesDuration", "packetsLost", "packetsReceived", "jitter", "bytesReceived"]);
        if (s.kind === "audio") stream.inbound_audio = pick(s, ["totalAudioEnergy", "audioLevel",
          "totalSamplesDuration", "concealedSamples", "totalSamplesReceived", "packetsLost", "packetsReceived", "jitter"]);
      }
      if (s.type === "outbound-rtp" && s.kind === "video" && !out.outbound_video) out.outbound_video = pick(s,
        ["framesEncoded", "framesSent", "framesPerSecond", "frameWidth", "frameHeight", "qualityLimitationReason",
         "bytesSent", "targetBitrate"]);
      if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded" && !out.candidate_pair) out.candidate_pair = pick(s,
        ["currentRoundTripTime", "availableOutgoingBitrate", "bytesSent", "bytesReceived"]);
    });
  }
  const firstStream = Object.values(out.streams)[0];
  if (firstStream) { out.inbound_video = firstStream.inbound_video; out.inbound_audio = firstStream.inbound_audio; }
  return out;
}
