// Quartiers productifs: the eligibility page. Plain DOM, no framework; text is inserted with
// textContent only (no HTML from the server is ever interpreted).
"use strict";

function cell(row, label, value) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = label;
  const td = document.createElement("td");
  if (value instanceof Node) td.appendChild(value); else td.textContent = value ?? "—";
  tr.append(th, td);
  row.appendChild(tr);
}

function problemText(body) {
  return body && body.detail ? body.detail : "La requête n'a pas abouti.";
}

async function checkPoint(event) {
  event.preventDefault();
  const out = document.getElementById("resultat-point");
  out.textContent = "Calcul en cours…";
  const form = event.target;
  const params = new URLSearchParams();
  params.set("lon", form.lon.value.trim().replace(",", "."));
  params.set("lat", form.lat.value.trim().replace(",", "."));
  if (form.date.value) params.set("date", form.date.value);
  const response = await fetch("/api/v1/qpv/localisation?" + params, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  out.textContent = "";
  if (!response.ok) { out.textContent = problemText(body); return; }
  const table = document.createElement("table");
  const status = document.createElement("span");
  status.className = "status " + body.statut;
  status.textContent = { DANS_QPV: "Dans un QPV", HORS_QPV: "Hors QPV", INDETERMINE: "Indéterminé" }[body.statut] || body.statut;
  cell(table, "Statut", status);
  if (body.raison) cell(table, "Précision", body.raison);
  if (body.qpv) {
    cell(table, "QPV", body.qpv.code + " — " + body.qpv.nom);
    cell(table, "Communes", body.qpv.communes.map(c => c.nom + " (" + c.code + ")").join(", "));
  }
  if (body.distanceLimiteM != null) cell(table, body.qpv ? "Distance à la limite" : "QPV le plus proche",
      (body.qpvProche ? body.qpvProche.code + " — " + body.qpvProche.nom + ", " : "") + body.distanceLimiteM.toLocaleString("fr-FR") + " m");
  if (body.territoire) cell(table, "Territoire pilote", body.territoire);
  cell(table, "Date", body.date);
  cell(table, "Liste appliquée", body.generation ? "QPV " + body.generation : null);
  cell(table, "Données", (body.versions || []).join(", "));
  out.appendChild(table);
}

async function processFile(event) {
  event.preventDefault();
  const out = document.getElementById("resultat-fichier");
  const form = event.target;
  const file = form.file.files[0];
  if (!file) return;
  out.textContent = "Traitement en cours…";
  const params = new URLSearchParams({ lon: form.lon.value, lat: form.lat.value });
  if (form.date.value) params.set("date", form.date.value);
  const data = new FormData();
  data.append("file", file);
  const response = await fetch("/api/v1/qpv/localisation/csv?" + params, { method: "POST", body: data });
  if (!response.ok) {
    out.textContent = problemText(await response.json().catch(() => null));
    return;
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = file.name.replace(/\.[^.]*$/, "") + "-qpv.csv";
  link.textContent = "Télécharger le résultat (" + link.download + ")";
  out.textContent = "";
  out.appendChild(link);
  const id = response.headers.get("X-Lot-Id");
  if (id) {
    const receipt = await (await fetch("/api/v1/qpv/lots/" + encodeURIComponent(id))).json();
    const p = document.createElement("p");
    p.textContent = receipt.lignes + " lignes traitées : " +
        Object.entries(receipt.parStatut).map(([k, v]) => k + " " + v).join(", ") +
        ". Reçu n° " + receipt.id + " (empreinte SHA-256 " + receipt.sha256Entree.slice(0, 12) + "…).";
    out.appendChild(p);
  }
}

document.getElementById("form-point").addEventListener("submit", checkPoint);
document.getElementById("form-fichier").addEventListener("submit", processFile);
