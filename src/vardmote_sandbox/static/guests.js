// Inviting a relative or an interpreter from the visit page: the service sends the guest a link of their
// own by SMS (guests.py); the page lists who is invited. No reload, so a running call is not interrupted.
"use strict";

(() => {
  const form = document.getElementById("guest-form");
  if (!form) return;
  const visitId = document.getElementById("visit").dataset.visitId;
  const ROLE_LABELS = {anhorig: "anhörig", tolk: "tolk"};
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {name: document.getElementById("guest-name").value,
                  phone: document.getElementById("guest-phone").value,
                  role: document.getElementById("guest-role").value};
    const response = await fetch(`/api/visits/${visitId}/guests`, {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const answer = await response.json();
    const result = document.getElementById("guest-result");
    if (!response.ok) { result.textContent = typeof answer.detail === "string" ? answer.detail : "Inbjudan gick inte."; return; }
    const item = document.createElement("li");
    item.dataset.guestId = answer.id;
    item.textContent = `${answer.name} (${ROLE_LABELS[answer.role]})`;
    document.getElementById("guest-list").append(item);
    result.textContent = `${answer.name} har fått en länk i SMS.`;
    form.reset();
  });
})();
