// The wizard page: talks to the public HTTP API only, and writes every text from the rules as text
// (textContent, never innerHTML), so a title with markup in it stays text.

import { el } from "./dom.js";

const list = document.getElementById("agency-list");
const specialList = document.getElementById("special-list");
const filter = document.getElementById("filter");
const filterCount = document.getElementById("filter-count");
const answerBody = document.getElementById("answer-body");
const rulesetLine = document.getElementById("ruleset");
const loadError = document.getElementById("load-error");

let agencies = [];
let titles = new Map();
let latestRequest = 0;

function selectedCodes() {
  return [...document.querySelectorAll("input[name=agency]:checked")].map((box) => box.value);
}

function residesInUs() {
  return document.querySelector("input[name=residence]:checked").value === "us";
}

/** true, false, or undefined when the buyer would rather not say (the request then leaves usCitizen out). */
function usCitizen() {
  const value = document.querySelector("input[name=citizen]:checked").value;
  return value === "unsaid" ? undefined : value === "yes";
}

/** "MEDIUM_TOKEN_ASSURANCE" -> "Medium Token": the short name of a type, for the list. */
function shortName(type) {
  return type.replace(/_ASSURANCE$/, "").split("_").map((word) => word.charAt(0) + word.slice(1).toLowerCase()).join(" ");
}

/** The types of an agency's evidence with this stance and basis, by short name. */
function typesWith(agency, stance, basis) {
  return agency.evidence.filter((item) => item.stance === stance && item.basis === basis).map((item) => shortName(item.type));
}

/**
 * One line on what the application's sources say, stated, read by the wizard and unstated apart, e.g.
 * "Stated: accepts Medium Token; not Medium, Medium Hardware." or "Wizard's reading: not Medium. Not stated: ...".
 */
function evidenceLine(agency) {
  if (agency.noEca) {
    return agency.noEca.kind === "not-needed" ? "Needs no ECA certificate." : "Does not take ECA certificates.";
  }
  if (agency.anyType) return "No agency application limits the type: any ECA type will do.";
  if (agency.special) return "Your program decides the type.";
  const parts = [];
  const said = (accepted, rejected) => [accepted.length ? "accepts " + accepted.join(", ") : "",
    rejected.length ? "not " + rejected.join(", ") : ""].filter(Boolean).join("; ");
  const stated = said(typesWith(agency, "accepted", "stated"), typesWith(agency, "rejected", "stated"));
  const inferred = said(typesWith(agency, "accepted", "inferred"), typesWith(agency, "rejected", "inferred"));
  if (stated) parts.push("Stated: " + stated + ".");
  if (inferred) parts.push("Wizard's reading: " + inferred + ".");
  if (agency.unstatedTypes.length === 3) parts.push("Names no type.");
  else if (agency.unstatedTypes.length) parts.push("Not stated: " + agency.unstatedTypes.map(shortName).join(", ") + ".");
  return parts.join(" ");
}

function agencyItem(agency) {
  const id = "agency-" + agency.code;
  const box = el("input", { type: "checkbox", name: "agency", id, value: agency.code });
  const badges = [];
  if (agency.status !== "confirmed") {
    badges.push(el("span", { class: "badge", title: "What the wizard knows of it is " + agency.status + ": check its source" }, agency.status));
  }
  if (agency.lifecycle.state === "retired") {
    badges.push(el("span", { class: "badge retired" }, "retired " + agency.lifecycle.since));
  }
  const label = el("label", { for: id },
    el("span", { class: "code" }, agency.code), " ", el("span", { class: "title" }, agency.title), ...badges,
    el("span", { class: "summary" }, evidenceLine(agency)));
  return el("li", { "data-search": (agency.code + " " + agency.title).toLowerCase() }, box, label);
}

function applyFilter() {
  const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const item of list.children) {
    const checked = item.querySelector("input").checked;
    const match = words.every((word) => item.dataset.search.includes(word));
    item.hidden = !(match || checked);
    if (!item.hidden) shown++;
  }
  filterCount.textContent = words.length === 0 ? "" : shown + " of " + list.children.length + " applications shown";
}

function saveToUrl() {
  const params = new URLSearchParams();
  const codes = selectedCodes();
  if (codes.length) params.set("agencies", codes.join(","));
  if (!residesInUs()) params.set("residence", "abroad");
  if (usCitizen() !== undefined) params.set("citizen", usCitizen() ? "yes" : "no");
  const query = params.toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
}

function restoreFromUrl() {
  const params = new URLSearchParams(location.search);
  const wanted = (params.get("agencies") || "").split(",").map((code) => code.trim().toUpperCase()).filter(Boolean);
  for (const code of wanted) {
    const box = document.getElementById("agency-" + code);
    if (box) box.checked = true;
  }
  if (params.get("residence") === "abroad") {
    document.querySelector("input[name=residence][value=abroad]").checked = true;
  }
  const citizen = document.querySelector("input[name=citizen][value=" + (params.get("citizen") === "yes" ? "yes"
    : params.get("citizen") === "no" ? "no" : "unsaid") + "]");
  citizen.checked = true;
}

function name(code) {
  return titles.get(code) || code;
}

function ruleNote(rule) {
  return rule ? el("span", { class: "rule" }, " (rule: " + rule + ")") : null;
}

/** A link to a public source; a source may name the page after its address ("https://... (Accounts page)"). */
function sourceLink(source) {
  return el("a", { href: source.split(" ")[0], rel: "noopener noreferrer" }, source);
}

/** Where a sentence comes from: a public page, or the wizard's own reasoning. */
function sourceNote(source) {
  if (!source) return null;
  if (source === "wizard") return el("span", { class: "source" }, " (the wizard's own reasoning)");
  return el("span", { class: "source" }, " Source: ", sourceLink(source));
}

/** "A", "A and B", "A, B and C", by name. */
function names(codes) {
  const all = codes.map(name);
  return all.length < 2 ? all.join("") : all.slice(0, -1).join(", ") + " and " + all[all.length - 1];
}

function renderAnswer(answer) {
  const parts = [answer.headline
    ? el("p", { class: "verdict" }, el("span", { class: "headline" }, answer.headline.text), sourceNote(answer.headline.source))
    : el("p", { class: "verdict" }, el("span", { class: "headline" }, "See below what the sources say of each application."))];
  if (answer.purchase.length) {
    parts.push(el("ul", { class: "purchase" }, answer.purchase.map((bought) =>
      el("li", { "data-type": bought.type }, el("strong", {}, bought.title),
        answer.conflict ? ": for " + bought.covers.map(name).join(", ") : "",
        el("br"), bought.summary, sourceNote(bought.source), ruleNote(bought.rule)))));
  }
  if (answer.conflict) {
    parts.push(el("p", { class: "conflict" }, "In conflict, as their sources state: "
      + answer.conflict.agencies.map(name).join(", ") + "."));
  }
  if (answer.sureTypes.length > 1) {
    parts.push(el("h3", {}, "Accepted by all of them, as their sources state"));
    parts.push(el("ul", { class: "sure" }, answer.sureTypes.map((sure) =>
      el("li", { "data-type": sure.type }, sure.title))));
  }
  if (answer.possibleTypes.length) {
    parts.push(el("h3", {}, "Not rejected, but not stated either"));
    parts.push(el("ul", { class: "possible" }, answer.possibleTypes.map((possible) =>
      el("li", { "data-type": possible.type }, possible.title + ":",
        possible.unstatedFor.length ? " no source says whether " + names(possible.unstatedFor) + " accept"
          + (possible.unstatedFor.length === 1 ? "s" : "") + " it." : "",
        possible.inferredFor.length ? " " + names(possible.inferredFor) + " accept" + (possible.inferredFor.length === 1 ? "s" : "")
          + " it by the wizard's reading of " + (possible.inferredFor.length === 1 ? "its source" : "their sources")
          + " only." : ""))));
  }
  if (answer.notOffered.length) {
    parts.push(el("h3", {}, "Why not the others"));
    parts.push(el("ul", { class: "why-not" }, answer.notOffered.map((item) =>
      el("li", { "data-type": item.type }, item.title + ":",
        item.rejectedBy.length ? " not accepted by " + names(item.rejectedBy) + ", as "
          + (item.rejectedBy.length === 1 ? "its source states." : "their sources state.") : "",
        item.inferredBy.length ? " not taken by " + names(item.inferredBy) + ", by the wizard's reading of "
          + (item.inferredBy.length === 1 ? "its source" : "their sources") + " (not the source's words)." : ""))));
  }
  if (answer.unreachable.length) {
    parts.push(el("h3", {}, "Out of your reach"));
    parts.push(el("ul", { class: "unreachable" }, answer.unreachable.map((item) =>
      el("li", { "data-agency": item.agency }, item.why, sourceNote(item.source)))));
  }
  if (answer.products.length) {
    parts.push(el("h3", {}, "Products"));
    for (const product of answer.products) {
      parts.push(el("p", { class: "product-name" }, el("strong", {}, product.name)));
      parts.push(el("dl", { class: "product" },
        el("dt", {}, "Storage"), el("dd", {}, product.storage),
        el("dt", {}, "Validity"), el("dd", {}, product.validity),
        el("dt", {}, "Price"), el("dd", {}, product.price),
        el("dt", {}, "Source"), el("dd", {}, sourceLink(product.source))));
    }
  }
  if (answer.proofing.length) {
    const titles = new Map(answer.purchase.map((bought) => [bought.type, bought.title]));
    parts.push(el("h3", {}, "Proving who you are"));
    parts.push(el("ul", { class: "proofing" }, answer.proofing.map((proofing) =>
      el("li", {}, el("strong", {}, (titles.get(proofing.type) || proofing.type) + ": "), proofing.route,
        sourceNote(proofing.source)))));
  }
  if (answer.warnings.length) {
    parts.push(el("h3", {}, "Before you pay"));
    for (const warning of answer.warnings) {
      parts.push(el("p", { class: "warning" }, warning.text, sourceNote(warning.source)));
    }
  }
  if (answer.reasons.length) {
    parts.push(el("details", {}, el("summary", {}, "How this was decided"),
      el("ul", {}, answer.reasons.map((reason) => el("li", {}, reason.text, sourceNote(reason.source), ruleNote(reason.rule))))));
  }
  answerBody.replaceChildren(...parts);
  rulesetLine.textContent = "Answered by ruleset " + answer.rulesetVersion + ".";
}

async function update() {
  saveToUrl();
  applyFilter();
  const codes = selectedCodes();
  const request = ++latestRequest;
  if (!codes.length) {
    answerBody.replaceChildren(el("p", {}, "Tick at least one application to see which certificate to buy."));
    return;
  }
  try {
    const response = await fetch("/api/recommendations", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ agencies: codes, residesInUs: residesInUs(), usCitizen: usCitizen() }),
    });
    const body = await response.json();
    if (request !== latestRequest) return; // a newer choice is on its way
    if (!response.ok) {
      answerBody.replaceChildren(el("p", { class: "error" }, body.detail || "The service could not answer."));
      return;
    }
    renderAnswer(body);
  } catch (error) {
    if (request === latestRequest) {
      answerBody.replaceChildren(el("p", { class: "error" }, "The service did not answer; try again in a moment."));
    }
  }
}

function renderCheck(check) {
  const parts = [el("p", { class: "verdict", "data-verdict": check.verdict }, check.summary)];
  parts.push(el("p", {}, "Checked: " + check.subject + ", valid until " + check.notAfter.slice(0, 10)
    + (check.certificatesInFile > 1 ? " (the first of " + check.certificatesInFile + " certificates in the file that issued no other)" : "") + "."));
  if (check.types.length) {
    parts.push(el("p", {}, "It is an " + check.types.map((held) => held.title).join(", ") + " certificate."));
  }
  parts.push(el("ul", { class: "agency-verdicts" }, check.agencies.map((verdict) =>
    el("li", { class: verdict.verdict, "data-agency": verdict.agency }, name(verdict.agency) + ": " + verdict.why,
      sourceNote(verdict.source)))));
  for (const note of check.notes) parts.push(el("p", { class: "warning" }, note.text, sourceNote(note.source)));
  for (const warning of check.warnings) parts.push(el("p", { class: "warning" }, warning.text, sourceNote(warning.source)));
  if (check.renewal) parts.push(el("p", {}, check.renewal.advice, sourceNote(check.renewal.source)));
  if (check.recommendationForMissing && check.recommendationForMissing.purchase.length) {
    const bought = check.recommendationForMissing.purchase.map((purchase) => purchase.title);
    parts.push(el("p", { class: "to-buy" }, "To buy: " + bought.join(" and ") + "."));
  }
  return parts;
}

async function checkCertificate(event) {
  event.preventDefault();
  const result = document.getElementById("certificate-result");
  const codes = selectedCodes();
  if (!codes.length) {
    result.replaceChildren(el("p", { class: "error" }, "Tick the applications first, then check your certificate against them."));
    return;
  }
  const file = document.getElementById("certificate-file").files[0];
  let request;
  if (file) {
    const form = new FormData();
    form.append("certificate", file);
    form.append("agencies", codes.join(","));
    form.append("residesInUs", String(residesInUs()));
    if (usCitizen() !== undefined) form.append("usCitizen", String(usCitizen()));
    request = { method: "POST", body: form };
  } else {
    request = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ certificate: document.getElementById("certificate-text").value, agencies: codes,
        residesInUs: residesInUs(), usCitizen: usCitizen() }),
    };
  }
  try {
    const response = await fetch("/api/certificate-checks", request);
    const body = await response.json();
    result.replaceChildren(...(response.ok ? renderCheck(body)
      : [el("p", { class: "error" }, body.detail || "The certificate could not be checked.")]));
  } catch (error) {
    result.replaceChildren(el("p", { class: "error" }, "The service did not answer; try again in a moment."));
  }
}

function reveal() {
  document.querySelector("main").hidden = false;
  document.querySelector("footer").hidden = false;
}

async function start() {
  try {
    const response = await fetch("/api/agencies", { headers: { "Accept": "application/json" } });
    agencies = await response.json();
  } catch (error) {
    loadError.textContent = "The list of applications could not be loaded; reload the page to try again.";
    loadError.hidden = false;
    reveal();
    return;
  }
  titles = new Map(agencies.map((agency) => [agency.code, agency.title]));
  list.replaceChildren(...agencies.filter((agency) => !agency.special).map(agencyItem));
  specialList.replaceChildren(...agencies.filter((agency) => agency.special).map(agencyItem));
  restoreFromUrl();
  document.getElementById("wizard").addEventListener("change", update);
  document.getElementById("wizard").addEventListener("submit", (event) => event.preventDefault());
  filter.addEventListener("input", applyFilter);
  document.getElementById("certificate-form").addEventListener("submit", checkCertificate);
  await update();
  reveal();
}

start();
