import { describe, expect, it } from "vitest";
import {
  compareDepartmentCodes,
  filterChoices,
  filterPoles,
  groupByRegionAndDepartment,
  jsonForScript,
  poleJsonLd,
  polesPerDepartment,
  shadeOf,
  telephoneHref,
  type DirectoryPole,
} from "./poles";

const NORD = { code: "59", name: "Nord", regionCode: "32" };
const PAS_DE_CALAIS = { code: "62", name: "Pas-de-Calais", regionCode: "32" };
const CHARENTE_MARITIME = { code: "17", name: "Charente-Maritime", regionCode: "75" };
const VIENNE = { code: "86", name: "Vienne", regionCode: "75" };
const REGIONS = new Map([
  ["32", "Hauts-de-France"],
  ["75", "Nouvelle-Aquitaine"],
]);

const POLES: DirectoryPole[] = [
  { slug: "sambre", name: "COTESS Sambre-Avesnois", departments: [NORD], themes: ["alimentation", "mobilite"] },
  { slug: "auton", name: "PTCE Auton'Hommes", departments: [NORD], themes: ["numerique"] },
  { slug: "calais", name: "Anima Grand Calais", departments: [PAS_DE_CALAIS], themes: ["alimentation"] },
  { slug: "saintonge", name: "PTCE des Vals de Saintonge", departments: [CHARENTE_MARITIME], themes: ["finance-solidaire"] },
  { slug: "prma", name: "Pôle régional des musiques actuelles", departments: [CHARENTE_MARITIME, VIENNE], themes: ["culture"] },
];

describe("filterPoles", () => {
  it("keeps every pôle without filters, and those matching all the filters given", () => {
    expect(filterPoles(POLES, {})).toHaveLength(5);
    expect(filterPoles(POLES, { region: "32" }).map((p) => p.slug)).toEqual(["sambre", "auton", "calais"]);
    expect(filterPoles(POLES, { department: "86" }).map((p) => p.slug)).toEqual(["prma"]);
    expect(filterPoles(POLES, { theme: "alimentation" }).map((p) => p.slug)).toEqual(["sambre", "calais"]);
    expect(filterPoles(POLES, { region: "32", theme: "alimentation", department: "62" }).map((p) => p.slug)).toEqual([
      "calais",
    ]);
    expect(filterPoles(POLES, { region: "75", department: "59" })).toEqual([]);
  });
});

describe("groupByRegionAndDepartment", () => {
  it("lists regions by name, departments by code and pôles by name; a pôle on two departments under each", () => {
    const groups = groupByRegionAndDepartment(POLES, REGIONS);
    expect(groups.map((r) => r.name)).toEqual(["Hauts-de-France", "Nouvelle-Aquitaine"]);
    expect(groups[0]!.departments.map((d) => [d.name, d.code])).toEqual([
      ["Nord", "59"],
      ["Pas-de-Calais", "62"],
    ]);
    expect(groups[0]!.departments[0]!.poles.map((p) => p.name)).toEqual(["COTESS Sambre-Avesnois", "PTCE Auton'Hommes"]);
    expect(groups[1]!.departments.map((d) => [d.code, d.poles.map((p) => p.slug)])).toEqual([
      ["17", ["prma", "saintonge"]],
      ["86", ["prma"]],
    ]);
  });

  it("keeps only the filtered department, and names an unknown region by its code", () => {
    const groups = groupByRegionAndDepartment(POLES, new Map(), "86");
    expect(groups).toEqual([{ code: "75", name: "Région 75", departments: [{ code: "86", name: "Vienne", poles: [POLES[4]] }] }]);
  });
});

describe("department counts and shading", () => {
  it("counts each pôle once per department it covers", () => {
    expect(Object.fromEntries(polesPerDepartment(POLES))).toEqual({ "59": 2, "62": 1, "17": 2, "86": 1 });
  });

  it("puts counts in four classes", () => {
    expect([0, 1, 2, 3, 4, 9].map(shadeOf)).toEqual([0, 1, 2, 2, 3, 3]);
  });

  it("sorts department codes as INSEE does, Corsica between 19 and 21, overseas last", () => {
    expect(["971", "21", "2B", "02", "2A", "19", "95", "976"].sort(compareDepartmentCodes)).toEqual([
      "02",
      "19",
      "2A",
      "2B",
      "21",
      "95",
      "971",
      "976",
    ]);
  });
});

describe("filterChoices", () => {
  it("offers only the regions, departments and themes some pôle has", () => {
    const choices = filterChoices(POLES, REGIONS);
    expect(choices.regions).toEqual([
      { value: "32", label: "Hauts-de-France" },
      { value: "75", label: "Nouvelle-Aquitaine" },
    ]);
    expect(choices.departments.map((d) => d.label)).toEqual([
      "Charente-Maritime (17)",
      "Nord (59)",
      "Pas-de-Calais (62)",
      "Vienne (86)",
    ]);
    expect(choices.themes.map((t) => t.value)).toEqual(["alimentation", "mobilite", "culture", "numerique", "finance-solidaire"]);
  });
});

describe("the pôle's JSON-LD", () => {
  const pole = {
    url: "https://maillon.example/poles/vals-de-saintonge",
    name: "PTCE des Vals de Saintonge",
    description: "Un pôle </script><script>alert(1)</script> & co",
    email: "contact@cooperer-en-saintonge.org",
    phone: "09 53 50 27 59",
    website: null,
    address: "8 rue de l'Hôtel de Ville, 17400 Saint-Jean-d'Angély",
    areaServed: ["CC Vals de Saintonge Communauté"],
  };

  it("is a schema.org Organization with a postal address, the area served and the contact", () => {
    const data = poleJsonLd(pole);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: pole.name,
      url: pole.url,
      email: pole.email,
      telephone: pole.phone,
      address: {
        "@type": "PostalAddress",
        streetAddress: "8 rue de l'Hôtel de Ville",
        postalCode: "17400",
        addressLocality: "Saint-Jean-d'Angély",
      },
      areaServed: [{ "@type": "AdministrativeArea", name: "CC Vals de Saintonge Communauté" }],
    });
    expect(data).not.toHaveProperty("sameAs");
  });

  it("cannot close its script element: < > & are escaped, and it parses back to the same data", () => {
    const text = jsonForScript(poleJsonLd(pole));
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(poleJsonLd(pole));
  });
});

describe("telephoneHref", () => {
  it("writes a French number in international form", () => {
    expect(telephoneHref("09 53 50 27 59")).toBe("tel:+33953502759");
    expect(telephoneHref("+33 9 53 50 27 59")).toBe("tel:+33953502759");
  });
});
