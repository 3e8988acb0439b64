import { describe, expect, it } from "vitest";
import { parseByline } from "./byline.ts";

describe("bylines", () => {
  it("keeps real names and moves the wire agency to `agency`", () => {
    expect(parseByline(["By JANE DOE, Associated Press"])).toEqual({ names: ["Jane Doe"], agency: "AP" });
    expect(parseByline(["By STEVE PEOPLES, AP National Political Writer"])).toEqual({
      names: ["Steve Peoples"],
      agency: "AP",
    });
    expect(parseByline(["By Tom Smith and Ann Lee | Reuters | Nov 18, 2019 5:00 PM"])).toEqual({
      names: ["Tom Smith", "Ann Lee"],
      agency: "Reuters",
    });
    expect(parseByline(["Agence France-Presse"])).toEqual({ names: [], agency: "AFP" });
  });

  it("strips roles, handles, dates, site names and organisations", () => {
    expect(parseByline(["@jroe Jane Roe, staff writer"]).names).toEqual(["Jane Roe"]);
    expect(parseByline(["Tanza Loudenback, Business Insider"], ["Business Insider"]).names).toEqual([
      "Tanza Loudenback",
    ]);
    expect(parseByline(["Telegraph Sport 19 November 2019 • 1:16pm"], ["The Telegraph"]).names).toEqual([]);
    expect(parseByline(["Molly Wood", "Condé Nast"], ["Condé Nast"]).names).toEqual(["Molly Wood"]);
    expect(parseByline(["Finian Cunningham. Sputnik International"]).names).toEqual(["Finian Cunningham"]);
    expect(parseByline(["By  JERUSALEM POST STAFF"]).names).toEqual([]);
    expect(parseByline(["Editorial"]).names).toEqual([]);
    expect(parseByline(["The Water Coolest"]).names).toEqual([]);
  });

  it("keeps initials and names in other scripts, and lists each person once", () => {
    expect(parseByline(["Sarah E. Needleman", "Sarah E. Needleman"]).names).toEqual(["Sarah E. Needleman"]);
    expect(parseByline(["Lisa Kaczke and Trevor J. Mitchell"]).names).toEqual(["Lisa Kaczke", "Trevor J. Mitchell"]);
    expect(parseByline(["Текст: Венера Ерофеева"]).names).toEqual(["Венера Ерофеева"]);
    expect(parseByline(["Por María García y José Pérez"]).names).toEqual(["María García", "José Pérez"]);
  });
});
