// Injected before any page script runs: wraps RTCPeerConnection so that the platform can measure any
// service's pages, not only the sandbox's: peer to peer, a routed engine (SFU) that gives a page a
// send-only and one or several receive-only connections, or an echo of the page's own media.
// It remembers every peer connection, times ICE, groups the remote tracks by sender and times each
// sender's first decoded frame, and samples getStats() of every open connection once a second into
// window.__vmqa.samples. Sampling runs inside the page because a synchronous Playwright driver cannot
// poll in the background while a scenario acts; the platform reads the whole series when it needs it.
// Only whitelisted numeric fields are copied: candidate addresses never leave getStats().
//
// Who sent a remote track: a page may say so by putting data-vmqa-sender="<key>" on the element that
// plays it (srcObject holding the track) and data-vmqa-self="<key>" on its own preview, with the same
// keys on every page of the meeting. A page that says nothing gets groups by the track's stream: a stream
// id seen again on a new connection after the old one closed is the same sender reconnecting; the same
// stream id on two connections open at once (an SFU reusing ids) is two senders.
(() => {
  if (window.__vmqa) return;
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  const SAMPLE_MS = 1000;
  const FIRST_FRAME_POLL_MS = 50;
  const MAX_SAMPLES = 3600;  // an hour of visit; older samples are dropped first
  const state = { peers: [], groups: [], samples: [], sampler: null };
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
  // Where the selected pair runs is kept as yes/no answers, never the addresses themselves: both ends on
  // loopback, or both ends host candidates with the same address (this machine talking to itself).
  const LOOPBACK = /^(127\.|::1$|localhost$)/;
  const pick = (s, keys) => Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));

  function section(s) {
    const kind = s.kind || s.mediaType;
    if (s.type === "outbound-rtp") return "outbound_" + kind;
    if (s.type === "remote-inbound-rtp") return "remote_inbound_" + kind;
    if (s.type === "media-source") return "source_" + kind;
    return null;
  }

  // Track object -> group. Not by track id: an SFU's receive connections may all name their tracks alike
  // (Janus: "janusa0", "janusv1" on every subscriber connection), so an id is unique only per connection.
  const groupOfTrack = new Map();

  function groupFor(entry, track, streamId) {
    const known = groupOfTrack.get(track);
    if (known) return known;
    // Same stream id: the same sender, unless that group is live on another open connection right now.
    let group = state.groups.find((g) => g.stream === streamId && (g.peer === entry.index ||
      state.peers[g.peer].peer.connectionState === "closed"));
    if (!group) {
      const taken = state.groups.some((g) => g.stream === streamId);
      group = { key: taken ? `${streamId}#${entry.index}` : streamId, stream: streamId, peer: entry.index,
        tracks: {}, seenAt: Date.now(), firstFrameAt: null, firstFramePeer: null };
      state.groups.push(group);
    }
    group.peer = entry.index;
    group.tracks[track.id] = track.kind;
    groupOfTrack.set(track, group);
    return group;
  }

  // The keys pages put on their media elements: track object -> sender key, and this page's own key.
  function pageLabels() {
    const byTrack = new Map();
    document.querySelectorAll("[data-vmqa-sender]").forEach((element) => {
      const stream = element.srcObject;
      if (stream && stream.getTracks) stream.getTracks().forEach((t) => { byTrack.set(t, element.dataset.vmqaSender); });
    });
    const own = document.querySelector("[data-vmqa-self]");
    return { byTrack, self: own ? own.dataset.vmqaSelf : null };
  }

  function selectedPair(report) {
    let selectedPairId = null;
    report.forEach((s) => { if (s.type === "transport" && s.selectedCandidatePairId) selectedPairId = s.selectedCandidatePairId; });
    if (selectedPairId === null) {
      report.forEach((s) => { if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded") selectedPairId = s.id; });
    }
    const pair = selectedPairId === null ? null : report.get(selectedPairId);
    if (!pair) return null;
    const out = pick(pair, FIELDS.candidate_pair);
    const local = report.get(pair.localCandidateId), remote = report.get(pair.remoteCandidateId);
    const address = (c) => (c && (c.address || c.ip)) || "";
    out.loopback = Boolean(local && remote && LOOPBACK.test(address(local)) && LOOPBACK.test(address(remote)));
    out.on_this_machine = Boolean(out.loopback || (local && remote && local.candidateType === "host" &&
      remote.candidateType === "host" && address(local) !== "" && address(local) === address(remote)));
    out.ipv6 = address(local).includes(":");
    return out;
  }

  async function sampleEntry(entry, labels, sample) {
    let report;
    try { report = await entry.peer.getStats(); } catch (error) { return; }
    const connection = { state: entry.peer.connectionState, candidate_pair: selectedPair(report) };
    // This connection's received tracks by id (ids are unique only within one connection).
    const received = {};
    try { entry.peer.getReceivers().forEach((r) => { if (r.track) received[r.track.id] = r.track; }); } catch (error) { /* closed */ }
    report.forEach((s) => {
      if (s.type === "inbound-rtp") {
        const track = received[s.trackIdentifier];
        const group = (track && groupOfTrack.get(track)) ||
          state.groups.find((g) => g.peer === entry.index && g.tracks[s.trackIdentifier]);
        if (!group) return;
        const stream = sample.streams[group.key] || (sample.streams[group.key] = { peer: entry.index });
        const name = "inbound_" + s.kind;
        if (!stream[name]) stream[name] = pick(s, FIELDS[name]);
        if (track && labels.byTrack.has(track)) sample.labels[group.key] = labels.byTrack.get(track);
        return;
      }
      const name = section(s);
      if (name && FIELDS[name] && !connection[name]) connection[name] = pick(s, FIELDS[name]);
    });
    // The camera's own frame rate (track settings): the reference for "fps relative to the sender's",
    // since media-source stats follow the encoder's adaptation down and would hide a starved encoder.
    for (const sender of entry.peer.getSenders()) {
      if (sender.track && sender.track.kind === "video" && sender.track.getSettings) {
        const settings = sender.track.getSettings();
        const encodings = (sender.getParameters().encodings || [])[0] || {};
        connection.camera = { frameRate: settings.frameRate, width: settings.width, height: settings.height,
          maxFramerate: encodings.maxFramerate };
      }
    }
    sample.connections[entry.index] = connection;
  }

  async function sampleOnce() {
    const open = state.peers.filter((e) => e.peer.connectionState !== "closed");
    if (!open.length) return;
    const labels = pageLabels();
    const sample = { t: Date.now(), self: labels.self, connections: {}, streams: {}, labels: {} };
    await Promise.all(open.map((entry) => sampleEntry(entry, labels, sample)));
    state.samples.push(sample);
    if (state.samples.length > MAX_SAMPLES) state.samples.shift();
  }

  // First decoded frame per sender, polled at 50 ms so that TTFF is measured finer than the 1 s sampler.
  // Only while a remote video track of this connection still waits for its first frame: a send-only
  // connection is never polled.
  function watchFirstFrames(entry) {
    if (entry.poll) return;
    entry.poll = setInterval(async () => {
      const waiting = state.groups.filter((g) => g.peer === entry.index && g.firstFrameAt === null &&
        Object.values(g.tracks).includes("video"));
      if (entry.peer.signalingState === "closed" || !waiting.length) { clearInterval(entry.poll); entry.poll = null; return; }
      let report;
      try { report = await entry.peer.getStats(); } catch (error) { return; }
      report.forEach((s) => {
        if (s.type !== "inbound-rtp" || s.kind !== "video" || !(s.framesDecoded > 0)) return;
        const group = waiting.find((g) => g.tracks[s.trackIdentifier]);
        if (group && group.firstFrameAt === null) { group.firstFrameAt = Date.now(); group.firstFramePeer = entry.index; }
      });
    }, FIRST_FRAME_POLL_MS);
  }

  function Tracked(...args) {
    const peer = new Native(...args);
    const entry = { peer, index: state.peers.length, createdAt: Date.now(), connectedAt: null, poll: null };
    state.peers.push(entry);
    peer.addEventListener("connectionstatechange", () => {
      if (peer.connectionState === "connected" && entry.connectedAt === null) entry.connectedAt = Date.now();
    });
    peer.addEventListener("track", (event) => {
      const stream = event.streams && event.streams[0];
      groupFor(entry, event.track, stream ? stream.id : `anslutning-${entry.index}`);
      if (event.track.kind === "video") watchFirstFrames(entry);
    });
    if (state.sampler === null) state.sampler = setInterval(sampleOnce, SAMPLE_MS);
    return peer;
  }
  Tracked.prototype = Native.prototype;
  Object.setPrototypeOf(Tracked, Native);
  window.RTCPeerConnection = Tracked;
})();
