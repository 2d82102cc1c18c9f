import type { Messages } from "../messages";

export const openData: Messages["openData"] = {
  metaTitle: "Open data — Maillon",
  metaDescription: "Maillon's public data under the Licence Ouverte 2.0 (Open Licence): a JSON API and CSV packages to download.",
  title: "Open data",
  intro:
    "Maillon publishes the public information of the local hubs of economic cooperation it hosts, so that anyone can reuse it: local authorities, researchers, journalists, other platforms. No personal data is part of it.",
  publishedTitle: "What is published",
  neverPublished:
    "Never published: the name, e-mail address or phone number of a person (project holders, volunteer mentors, savers, authors, organisers, lenders), drafts, members-only events, investors' clubs, pledges of support or mentorships.",
  licenceTitle: "Licence and attribution",
  licenceBefore: "The data is published under the",
  licenceSpdx: "(SPDX identifier",
  licenceAfter: (baseUrl) =>
    `): you may copy, modify, redistribute and use it, including commercially, provided you mention its source and the date of its last update, for example: “Source: Maillon (${baseUrl}), data of …”.`,
  updatesTitle: "Updates",
  updatesBefore: (minutes) =>
    `API answers and packages are produced on demand, from the state of the platform at the moment you ask for them. They may be cached for ${minutes} minutes (header`,
  updatesMiddle: "); the header",
  updatesAfter: "lets you ask again without downloading everything (a 304 answer if nothing has changed).",
  packagesTitle: "Packages to download",
  packagesBefore: "Each package is a ZIP archive in the",
  packagesMiddle: "format: one CSV file per table (UTF-8, comma separator, one header row), the file",
  packagesAfter:
    "describing each one's schema (types, required fields, keys), hubs and organisations as GeoJSON (at the centre of their town), and a README file explaining every field and the licence.",
  allPoles: "All hubs (maillon.zip)",
  onePole: (count, countText) => `The package of a single hub (${countText} ${count === 1 ? "hub" : "hubs"})`,
  apiTitle: "The JSON API",
  apiVersioned: "The API is versioned (",
  apiOpenApi: ") and described in the OpenAPI 3.1 format:",
  apiPaged: ". Each list is paged:",
  apiPage: "(from 1) and",
  apiPerPage: (max, perPage) => `(from 1 to ${max}, ${perPage} by default);`,
  apiPole: "followed by a hub's short name restricts it to that hub. The answer gives the objects (",
  apiTotal: "), the total (",
  apiLinks: ") and the links to the neighbouring pages (",
  apiLinkHeader: ", and the header",
  apiFields: "). The fields are those of the CSV files.",
  example: "Example:",
  fieldsTitle: "The fields of each table",
  types: { integer: "integer", number: "number", string: "text", boolean: "boolean", datetime: "date and time", date: "date" },
  required: ", required",
  values: (values) => ` Values: ${values}.`,
  poleNotFound: "Hub not found",
};
