import { describe, expect, it } from "vitest";
import { dayOfWeekday, formatAmount, formatFigure, isoWeekday } from "./text.ts";

describe("formatAmount", () => {
  it("writes money with its currency, percentages and units after the figure, and round large figures in words", () => {
    expect(formatAmount({ value: 11_000_000_000, currency: "USD", unit: "USD" })).toBe("$11 billion");
    expect(formatAmount({ value: 3_000_000, currency: "CHF" })).toBe("CHF 3 million");
    expect(formatAmount({ value: 12.5, unit: "percent" })).toBe("12.5%");
    expect(formatAmount({ value: 150, unit: "nautical miles" })).toBe("150 nautical miles");
    expect(formatFigure(100_000)).toBe("100,000");
    expect(formatFigure(1_234_567)).toBe("1,234,567");
  });
});

describe("weekdays", () => {
  it("names an ISO day's weekday and finds the day a report's weekday refers to", () => {
    expect(isoWeekday("2021-12-02")).toBe("Thursday");
    expect(isoWeekday("2021-12")).toBeNull();
    expect(dayOfWeekday("Thursday", "2021-12-02")).toBe("2021-12-02");
    expect(dayOfWeekday("Friday", "2021-12-02")).toBe("2021-11-26");
    expect(dayOfWeekday("Friday", null)).toBeNull();
  });
});
