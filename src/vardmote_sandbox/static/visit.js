// The visit page: waiting room, WebRTC call and chat over one WebSocket per participant.
// Peer to peer as GET .../mediavag says: with the sandbox's TURN relay on 127.0.0.1 (SANDBOX_TURN=på) relay
// candidates only, so that media run on loopback; otherwise no servers, and host candidates are used.
"use strict";

const root = document.getElementById("visit");
const visitId = root.dataset.visitId;
const role = root.dataset.role;
const kind = root.dataset.kind;
const degradeVideo = root.dataset.degradeVideo === "true";
const answerAnyOffer = root.dataset.answerAnyOffer === "true";  // a weakened sandbox (test only)
const routed = root.dataset.videomotor === "sfu";  // the meeting's media go through the SFU (sfu_room.js)
const STATUS_LABELS = {ko: "I kön", bokat: "Bokat", vantar: "I väntrummet", pagar: "Pågår", avslutat: "Avslutat"};

let status = root.dataset.status;
let admitted = null;  // the staff member let in to this visit: the only one whose call this page answers
let socket = null;
let peer = null;
let localStream = null;
let chatSeq = 0;
const $ = (id) => document.getElementById(id);

function setStatus(next) {
  status = next;
  root.dataset.status = next;
  document.querySelector("[data-testid=visit-status]").textContent = STATUS_LABELS[next] || next;
  $("check-in").hidden = !(role === "patient" && next === "bokat");
  $("waiting-room").hidden = !(role === "patient" && next === "vantar");
  $("queue").hidden = !(role === "patient" && next === "ko");
  $("pick-up").hidden = !(role === "clinician" && next === "ko");
  $("admit").hidden = !(role === "clinician" && next === "vantar");
  $("close-visit").hidden = !(role === "clinician" && next !== "avslutat");
  $("call").hidden = !(next === "pagar" && kind === "video");
  $("closed").hidden = next !== "avslutat";
  $("chat-form").hidden = next === "avslutat";
}

let inbox = Promise.resolve();
let mediaReady = null;
let mediaPath = null;

function rtcConfiguration() {
  // Asked once per visit page: the relay's address, this page's own credentials and the candidate policy.
  if (!mediaPath) {
    mediaPath = fetch(`/api/visits/${visitId}/mediavag`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .catch((error) => { console.warn("vardmote mediaväg", error); mediaPath = null; return {iceServers: []}; });
  }
  return mediaPath;
}

function localMedia() {
  // One camera request per visit, however many messages ask for it.
  if (!mediaReady) {
    mediaReady = navigator.mediaDevices.getUserMedia({video: {width: 640, height: 480}, audio: true})
      .then((stream) => { localStream = stream; $("local-video").srcObject = stream; return stream; });
  }
  return mediaReady;
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws/visits/${visitId}`);
  // One message at a time, in arrival order: an ICE candidate must never overtake the offer it
  // belongs to, and a second offer must not start while the first is being answered.
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    inbox = inbox.then(() => handle(message)).catch((error) => console.warn("vardmote", error));
  };
  socket.onopen = flushChat;
  socket.onclose = () => { if (status !== "avslutat") setTimeout(connect, 1000); };
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

async function handle(message) {
  switch (message.type) {
    case "hello":
    case "status":
      admitted = message.admitted;
      setStatus(message.status);
      if (message.status === "pagar") await startCall();
      break;
    case "call-members":
      // One offer per patient arrival: both this and peer-joined can announce the same arrival.
      if (routed) break;
      if (role === "clinician" && (message.in_call.includes("patient") || message.in_call.includes("guest")) && !peer) await offer();
      break;
    case "peer-joined":
      if (!routed && role === "clinician" && !peer) await offer();
      break;
    case "peer-left":
      if (!routed) closePeer();
      break;
    case "signal":
      if (isOfferFromStranger(message)) { send({type: "signal", data: {decline: true}}); break; }
      await onSignal(message.data);
      break;
    case "chat":
      appendMessage(message.message);
      break;
    case "visit-closed":
      endVisit();
      break;
  }
}

// Camera and microphone go only to the clinician admitted to this visit, while it runs: an offer from
// anyone else in the room (a colleague, an observer) is declined, never answered. A guest's page alike.
function isOfferFromStranger(message) {
  const offer = message.data && message.data.description && message.data.description.type === "offer";
  if (!offer || (role !== "patient" && role !== "guest") || answerAnyOffer) return false;
  return !(message.from === "clinician" && message.from_id === admitted && status === "pagar");
}

async function startCall() {
  if (kind !== "video" || status !== "pagar" || role === "observer") return;
  await localMedia();
  if (routed) { $("remote-video").hidden = true; await window.vardmoteSfu.join(visitId, localStream); return; }
  send({type: "join-call"});
}

function newPeer(configuration) {
  closePeer();
  peer = new RTCPeerConnection(configuration);
  localStream.getTracks().forEach((track) => peer.addTrack(track, localStream));
  peer.onicecandidate = (event) => { if (event.candidate) send({type: "signal", data: {candidate: event.candidate}}); };
  peer.ontrack = (event) => { $("remote-video").srcObject = event.streams[0]; };
  window.vardmoteMediaFaults.watch(peer, role);  // test-only faults (media_faults.js), none by default
  return peer;
}

async function applyVideoDegradation() {
  // Fault injection: starve the encoder so that a good network still gives bad video.
  if (!degradeVideo || !peer) return;
  for (const sender of peer.getSenders()) {
    if (!sender.track || sender.track.kind !== "video") continue;
    const parameters = sender.getParameters();
    parameters.encodings = parameters.encodings && parameters.encodings.length ? parameters.encodings : [{}];
    parameters.encodings[0].maxBitrate = 15000;
    parameters.encodings[0].maxFramerate = 2;
    parameters.encodings[0].scaleResolutionDownBy = 4;
    await sender.setParameters(parameters);
  }
}

async function offer() {
  if (!localStream) return;
  const connection = newPeer(await rtcConfiguration());
  await connection.setLocalDescription(await connection.createOffer());
  send({type: "signal", data: {description: connection.localDescription}});
  await applyVideoDegradation();
}

async function onSignal(data) {
  if (!data) return;
  if (data.description) {
    if (data.description.type === "offer") {
      await localMedia();
      const connection = newPeer(await rtcConfiguration());
      await connection.setRemoteDescription(data.description);
      await connection.setLocalDescription(await connection.createAnswer());
      send({type: "signal", data: {description: connection.localDescription}});
      await applyVideoDegradation();
    } else if (peer && peer.signalingState === "have-local-offer") {
      await peer.setRemoteDescription(data.description);
    }
  } else if (data.candidate && peer) {
    try { await peer.addIceCandidate(data.candidate); } catch (error) { console.warn("ICE", error); }
  }
}

function closePeer() {
  if (peer) { peer.close(); peer = null; }
  $("remote-video").srcObject = null;
}

function endVisit() {
  if (routed) window.vardmoteSfu.leave();
  closePeer();
  if (localStream) { localStream.getTracks().forEach((track) => track.stop()); localStream = null; }
  mediaReady = null;
  setStatus("avslutat");
  if (socket) socket.close();
}

function appendMessage(message) {
  const item = document.createElement("li");
  item.dataset.sender = message.sender_kind;
  const sender = document.createElement("b");
  sender.textContent = message.sender_name + ":";
  const text = document.createElement("span");
  text.className = "text";
  text.textContent = message.text;  // never innerHTML: chat text is shown as text
  item.append(sender, " ", text);
  $("chat-log").append(item);
}

async function post(path) {
  const response = await fetch(`/api/visits/${visitId}/${path}`, {method: "POST"});
  const body = await response.json();
  if (response.ok) setStatus(body.status);
  return body;
}

$("check-in").addEventListener("click", () => post("check-in"));
$("admit").addEventListener("click", () => post("admit"));
$("pick-up").addEventListener("click", () => post("pick-up"));
$("close-visit").addEventListener("click", () => post("close"));
$("chat-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("chat-input");
  if (!input.value.trim()) return;
  chatSeq += 1;
  pendingChat.push({type: "chat", text: input.value, seq: chatSeq, sent_at: Date.now() / 1000});
  input.value = "";
  flushChat();
});

// Chat written before the socket is open (or while it reconnects) waits here instead of being lost.
const pendingChat = [];
function flushChat() {
  while (pendingChat.length && socket && socket.readyState === WebSocket.OPEN) send(pendingChat.shift());
}

setStatus(status);
if (status !== "avslutat") connect();
