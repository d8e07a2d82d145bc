// The wizard page: talks to the public HTTP API only, and writes every text from the rules as text
// (textContent, never innerHTML), so a title with markup in it stays text.

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

/** Makes an element; strings among the children become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function selectedCodes() {
  return [...document.querySelectorAll("input[name=agency]:checked")].map((box) => box.value);
}

function residesInUs() {
  return document.querySelector("input[name=residence]:checked").value === "us";
}

function agencyItem(agency) {
  const id = "agency-" + agency.code;
  const box = el("input", { type: "checkbox", name: "agency", id, value: agency.code });
  const badge = agency.status === "confirmed" ? null
    : el("span", { class: "badge", title: "What it accepts is " + agency.status + ": check its source" }, agency.status);
  const label = el("label", { for: id },
    el("span", { class: "code" }, agency.code), " ", el("span", { class: "title" }, agency.title), badge,
    el("span", { class: "summary" }, agency.summary));
  return el("li", { "data-search": (agency.code + " " + agency.title + " " + agency.summary).toLowerCase() }, box, label);
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
}

function name(code) {
  return titles.get(code) || code;
}

function typeTitle(answer, type) {
  const known = [...answer.offered, ...answer.notOffered, ...(answer.conflict ? answer.conflict.coveringSet : [])]
    .find((item) => item.type === type);
  return known ? known.title : type;
}

function ruleNote(rule) {
  return rule ? el("span", { class: "rule" }, " (rule: " + rule + ")") : null;
}

function renderAnswer(answer) {
  const parts = [];
  if (answer.certificateTypes.length) {
    parts.push(el("p", { class: "verdict" }, answer.certificateTypes.length === 1
      ? "Buy an " + answer.offered[0].title + " certificate."
      : "Any one of these works for every application you ticked; the first is the most suitable:"));
    parts.push(el("ol", { class: "offers" }, answer.offered.map((offer, index) =>
      el("li", { class: "offer", "data-type": offer.type },
        el("strong", {}, offer.title), index === 0 && answer.offered.length > 1 ? " (recommended)" : "",
        el("br"), offer.summary, ruleNote(offer.rule)))));
  } else if (answer.conflict) {
    parts.push(el("div", { class: "conflict" },
      el("p", { class: "verdict" }, "No single certificate works for all of them."),
      el("p", {}, "In conflict: " + answer.conflict.agencies.map(name).join(", ") + "."),
      el("p", {}, "Buy these together:"),
      el("ul", { class: "covering" }, answer.conflict.coveringSet.map((covering) =>
        el("li", { "data-type": covering.type }, el("strong", {}, covering.title),
          ": for " + covering.covers.map(name).join(", "))))));
  } else {
    parts.push(el("p", { class: "verdict" }, "You need no ECA certificate for these applications."));
  }
  for (const none of answer.notAcceptingEca) {
    parts.push(el("p", { class: "no-eca" }, name(none.agency) + " does not accept ECA certificates: " + none.explanation));
  }
  if (answer.notOffered.length) {
    parts.push(el("h3", {}, "Why not the others"));
    parts.push(el("ul", { class: "why-not" }, answer.notOffered.map((item) =>
      el("li", { "data-type": item.type }, item.title + ": not accepted by " + item.rejectedBy.map(name).join(", ") + "."))));
  }
  if (answer.products.length) {
    parts.push(el("h3", {}, "Products"));
    for (const product of answer.products) {
      parts.push(el("p", { class: "product-name" }, el("strong", {}, product.name)));
      parts.push(el("dl", { class: "product" },
        el("dt", {}, "Storage"), el("dd", {}, product.storage),
        el("dt", {}, "Validity"), el("dd", {}, product.validity),
        el("dt", {}, "Price"), el("dd", {}, product.price)));
    }
  }
  if (answer.proofing.length) {
    parts.push(el("h3", {}, "Proving who you are"));
    parts.push(el("ul", { class: "proofing" }, answer.proofing.map((proofing) =>
      el("li", {}, el("strong", {}, typeTitle(answer, proofing.type) + ": "), proofing.route))));
  }
  for (const warning of answer.warnings) {
    parts.push(el("p", { class: "warning" }, warning.text, " Source: " + warning.source));
  }
  if (answer.reasons.length) {
    parts.push(el("details", {}, el("summary", {}, "How this was decided"),
      el("ul", {}, answer.reasons.map((reason) => el("li", {}, reason.text, ruleNote(reason.rule))))));
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
      body: JSON.stringify({ agencies: codes, residesInUs: residesInUs() }),
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
    el("li", { class: verdict.accepts ? "accepts" : "rejects" }, name(verdict.agency) + ": " + verdict.why + "."))));
  if (check.renewal) parts.push(el("p", {}, check.renewal.advice));
  if (check.recommendationForMissing) {
    const answer = check.recommendationForMissing;
    const types = answer.offered.length ? answer.offered.map((offer) => offer.title)
      : answer.conflict ? answer.conflict.coveringSet.map((covering) => covering.title) : [];
    if (types.length) parts.push(el("p", { class: "to-buy" }, "To buy: " + types.join(answer.offered.length ? " or " : " and ") + "."));
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
    request = { method: "POST", body: form };
  } else {
    request = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ certificate: document.getElementById("certificate-text").value, agencies: codes, residesInUs: residesInUs() }),
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

async function start() {
  try {
    const response = await fetch("/api/agencies", { headers: { "Accept": "application/json" } });
    agencies = await response.json();
  } catch (error) {
    loadError.textContent = "The list of applications could not be loaded; reload the page to try again.";
    loadError.hidden = false;
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
  update();
}

start();
