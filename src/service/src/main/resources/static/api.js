// The API page: reads the OpenAPI document the service serves and writes it out for people, as text only.

import { el } from "./dom.js";

const SCHEMA_REF = "#/components/schemas/";

/** A schema's name when it refers to one of the document's objects. */
function refName(schema) {
  return schema && schema.$ref && schema.$ref.startsWith(SCHEMA_REF) ? schema.$ref.slice(SCHEMA_REF.length) : null;
}

/** A schema as a short type: a link to a named object, or its type, with what an array holds. */
function typeOf(schema) {
  if (!schema) return "";
  const name = refName(schema);
  if (name) return el("a", { href: "#schema-" + name }, name);
  if (schema.type === "array") return el("span", {}, "array of ", typeOf(schema.items));
  const choices = schema.oneOf || schema.anyOf || schema.allOf;
  if (choices) {
    const joiner = schema.allOf ? " and " : " or ";
    return el("span", {}, choices.map((choice, i) => [i > 0 ? joiner : "", typeOf(choice)]));
  }
  if (schema.type === "object" && schema.additionalProperties) {
    return el("span", {}, "map to ", typeOf(schema.additionalProperties));
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : schema.type || "any";
  return type + (schema.format ? " (" + schema.format + ")" : "");
}

function table(caption, headings, rows) {
  return el("table", {},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headings.map((heading) => el("th", { scope: "col" }, heading)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((cell) => el("td", {}, cell))))));
}

function examplesOf(media, what) {
  return Object.entries(media.examples || {}).map(([name, example]) =>
    el("details", {}, el("summary", {}, what + " example: " + (example.summary || name)),
      el("pre", { tabindex: "0" }, JSON.stringify(example.value, null, 2))));
}

// Descriptions are Markdown, of which they use `code` alone: shown as code, the rest as text.
function prose(text) {
  return (text || "").split("`").map((part, i) => (i % 2 ? el("span", { class: "code" }, part) : part));
}

function operation(path, method, op) {
  const id = "op-" + (op.operationId || method + path);
  const parts = [el("h3", { id }, method.toUpperCase() + " " + path)];
  if (op.summary) parts.push(el("p", { class: "verdict" }, op.summary));
  if (op.description) parts.push(el("p", {}, prose(op.description)));
  if (op.parameters && op.parameters.length) {
    parts.push(table("Parameters of " + method.toUpperCase() + " " + path, ["Name", "In", "Type", "Required", "What it is"],
      op.parameters.map((p) => [el("span", { class: "code" }, p.name), p.in, typeOf(p.schema),
        p.required ? "yes" : "no", prose(p.description)])));
  }
  if (op.requestBody) {
    const bodies = Object.entries(op.requestBody.content || {});
    parts.push(table("Request body of " + method.toUpperCase() + " " + path, ["Media type", "Body"],
      bodies.map(([type, media]) => [type, typeOf(media.schema)])));
    bodies.forEach(([, media]) => parts.push(...examplesOf(media, "Request")));
  }
  const responses = Object.entries(op.responses || {});
  parts.push(table("Answers of " + method.toUpperCase() + " " + path, ["Status", "What it means", "Body"],
    responses.map(([status, response]) => [status, prose(response.description),
      Object.entries(response.content || {}).map(([type, media], i) =>
        el("span", {}, i > 0 ? "; " : "", type + ": ", typeOf(media.schema)))])));
  responses.forEach(([status, response]) => Object.values(response.content || {})
    .forEach((media) => parts.push(...examplesOf(media, "Answer (" + status + ")"))));
  return { id, node: el("article", { class: "operation", "aria-labelledby": id }, parts) };
}

function schema(name, definition) {
  const id = "schema-" + name;
  const required = new Set(definition.required || []);
  const properties = Object.entries(definition.properties || {});
  return el("article", { class: "schema", "aria-labelledby": id },
    el("h3", { id }, name),
    definition.description ? el("p", {}, prose(definition.description)) : null,
    properties.length ? table("Fields of " + name, ["Field", "Type", "Required", "What it is"],
      properties.map(([field, property]) => [el("span", { class: "code" }, field), typeOf(property),
        required.has(field) ? "yes" : "no", prose(property.description)])) : el("p", {}, typeOf(definition)));
}

async function render() {
  const response = await fetch("/v3/api-docs", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error("The service did not give its API document (HTTP " + response.status + ").");
  const doc = await response.json();
  document.getElementById("title").textContent = doc.info.title;
  document.title = doc.info.title;
  document.getElementById("description").replaceChildren(...prose(doc.info.description));
  const toc = document.getElementById("toc");
  const operations = document.getElementById("operations");
  for (const [path, methods] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(methods)) {
      const { id, node } = operation(path, method, op);
      operations.append(node);
      toc.append(el("li", {}, el("a", { href: "#" + id }, method.toUpperCase() + " " + path)));
    }
  }
  const schemas = document.getElementById("schemas");
  for (const [name, definition] of Object.entries((doc.components || {}).schemas || {})) {
    schemas.append(schema(name, definition));
  }
  document.getElementById("api").hidden = false;
}

render().catch((error) => {
  const message = document.getElementById("load-error");
  message.textContent = error.message;
  message.hidden = false;
});
