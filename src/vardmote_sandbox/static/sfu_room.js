// The routed video engine's side of the visit page: joins the meeting's Janus video room (janus.js from
// Debian's libjs-janus-gateway), publishes this participant's camera and microphone on one send-only
// connection, and subscribes to every other participant's feed, one receive-only connection each.
// Participants are known in the room only by an opaque key; the names shown come from the sandbox
// (/api/visits/<id>/videorum), as the unit allows, never an identity number. Each remote feed plays in
// an element marked data-vmqa-sender="<key>" and the own preview data-vmqa-self="<key>", so that a
// measuring tool can tell which sender each received track came from.
"use strict";

window.vardmoteSfu = (() => {
  const PLUGIN = "janus.plugin.videoroom";
  let janus = null;
  let config = null;
  let stream = null;
  const feeds = {};  // Janus feed id -> {handle, key, element, media}
  const feedsBox = () => document.getElementById("sfu-feeds");

  // janus.js asks its adapter which browser this is; the sandbox's pages target Chromium only.
  const adapter = { browserDetails: { browser: "chrome", version: Number((navigator.userAgent.match(/Chrom(e|ium)\/(\d+)/) || [0, 0, 0])[2]) } };

  function fail(text) {
    const box = document.getElementById("sfu-error");
    if (box) { box.textContent = text; box.hidden = false; }
    console.warn("vardmote sfu", text);
  }

  async function names() {
    // A late joiner's key may be new to this page: ask the sandbox again for the names it may show.
    const response = await fetch(`/api/visits/${config.visitId}/videorum`);
    if (response.ok) config.names = (await response.json()).names;
  }

  function nameOf(key) { return (config.names || {})[key] || "Deltagare"; }

  function showFeed(feed) {
    if (feed.element) return;
    const figure = document.createElement("figure");
    figure.dataset.participant = feed.key;
    const video = document.createElement("video");
    video.autoplay = true; video.playsInline = true;
    video.dataset.vmqaSender = feed.key;
    video.dataset.testid = "participant-video";
    const caption = document.createElement("figcaption");
    caption.dataset.testid = "participant-name";
    caption.textContent = nameOf(feed.key);
    figure.append(video, caption);
    feedsBox().append(figure);
    feed.element = figure;
    feed.media = new MediaStream();
    video.srcObject = feed.media;
  }

  function dropFeed(id) {
    const feed = feeds[id];
    if (!feed) return;
    if (feed.handle) feed.handle.detach();
    if (feed.element) feed.element.remove();
    delete feeds[id];
  }

  // The faults' clock starts when this page sends and receives another participant: the publishing
  // connection alone is up as soon as Janus answers, while the others may subscribe seconds later (a
  // busy machine), and a fault over before anyone receives would hit no one. On p2p one connection is both.
  let sending = null;
  let receiving = false;
  function watchFaults() {
    if (sending && receiving) window.vardmoteMediaFaults.watch(sending, document.getElementById("visit").dataset.role);
  }

  function subscribe(publisher) {
    if (feeds[publisher.id] || publisher.display === config.self) return;
    const feed = feeds[publisher.id] = { key: publisher.display, handle: null, element: null, media: null };
    const wanted = (publisher.streams || []).filter((s) => !s.disabled && (s.type === "audio" || s.type === "video"))
      .filter((s) => !(s.type === "video" && config.skip_video_from === publisher.display))
      .map((s) => ({ feed: publisher.id, mid: s.mid }));
    if (!wanted.length) return;
    janus.attach({
      plugin: PLUGIN,
      success: (handle) => {
        feed.handle = handle;
        handle.send({ message: { request: "join", ptype: "subscriber", room: config.room, pin: config.pin,
          streams: wanted } });
      },
      error: (error) => fail(`Kunde inte ta emot ${nameOf(feed.key)}: ${error}`),
      onmessage: (message, jsep) => {
        if (!jsep) return;
        feed.handle.createAnswer({ jsep, tracks: [{ type: "data" }],
          success: (answer) => feed.handle.send({ message: { request: "start", room: config.room }, jsep: answer }),
          error: (error) => fail(`Kunde inte ta emot ${nameOf(feed.key)}: ${error}`) });
      },
      webrtcState: (up) => { if (up) { receiving = true; watchFaults(); } },
      onremotetrack: (track, mid, on) => {
        if (!feeds[publisher.id]) return;
        showFeed(feed);
        if (on) { if (!feed.media.getTracks().includes(track)) feed.media.addTrack(track); }
        else feed.media.removeTrack(track);
      },
    });
  }

  async function onPublishers(list) {
    if (list.some((p) => !(p.display in (config.names || {})))) await names();
    list.forEach(subscribe);
    Object.values(feeds).forEach((feed) => {
      const caption = feed.element && feed.element.querySelector("figcaption");
      if (caption) caption.textContent = nameOf(feed.key);
    });
  }

  function publish(handle) {
    const [audio] = stream.getAudioTracks();
    const [video] = stream.getVideoTracks();
    handle.createOffer({
      tracks: [{ type: "audio", capture: audio, recv: false }, { type: "video", capture: video, recv: false }],
      success: (jsep) => {
        handle.send({ message: { request: "configure", audio: true, video: true }, jsep });
        // Test-only media faults (media_faults.js) act on this page's sending connection, as on p2p.
        sending = handle.webrtcStuff && handle.webrtcStuff.pc;
        watchFaults();
      },
      error: (error) => fail(`Kunde inte skicka din bild och ditt ljud: ${error}`),
    });
  }

  function attachPublisher() {
    janus.attach({
      plugin: PLUGIN,
      success: (handle) => {
        config.publisher = handle;
        handle.send({ message: { request: "join", ptype: "publisher", room: config.room, pin: config.pin,
          display: config.self } });
      },
      error: (error) => fail(`Kunde inte ansluta till videorummet: ${error}`),
      onmessage: (message, jsep) => {
        const event = message.videoroom;
        if (event === "joined") { publish(config.publisher); }
        if (message.publishers) onPublishers(message.publishers);
        const gone = message.leaving || message.unpublished;
        if (gone && gone !== "ok") dropFeed(gone);
        if (message.error) fail(`Videorummet svarade: ${message.error}`);
        if (jsep) config.publisher.handleRemoteJsep({ jsep });
      },
    });
  }

  async function join(visitId, localStream) {
    if (janus) return;
    stream = localStream;
    const response = await fetch(`/api/visits/${visitId}/videorum`);
    const body = await response.json();
    if (!response.ok) { fail(body.detail || "Videorummet är inte tillgängligt."); return; }
    config = { ...body, visitId };
    document.getElementById("local-video").dataset.vmqaSelf = config.self;
    await new Promise((resolve) => Janus.init({ debug: false,
      dependencies: Janus.useDefaultDependencies({ adapter }), callback: resolve }));
    janus = new Janus({ server: config.server, iceServers: [],
      success: attachPublisher,
      error: (error) => fail(`Den routade videomotorn svarar inte: ${error}`) });
  }

  function leave() {
    Object.keys(feeds).forEach(dropFeed);
    if (janus) { janus.destroy({ unload: true }); janus = null; }
  }

  return { join, leave };
})();
