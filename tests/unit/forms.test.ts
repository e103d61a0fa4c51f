import { describe, expect, it } from "vitest";
import { formChecked, formFields, formList } from "@/lib/forms";

function form(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const file = new File(["x"], "payload.txt");

describe("reading a form", () => {
  it("reads single text fields: missing is absent, repeated or a file is null", () => {
    const data = form([["name", "Megan"], ["email", "a@b.example"], ["email", "c@d.example"], ["note", file], ["extra", "ignored"]]);
    expect(formFields(data, ["name", "email", "note", "phone"])).toEqual({ name: "Megan", email: null, note: null });
    expect(formFields(data, ["name", "phone"])).not.toHaveProperty("phone");
  });

  it("reads a list of choices, and refuses one with a file in it", () => {
    expect(formList(form([["roles", "a"], ["roles", "b"]]), "roles")).toEqual(["a", "b"]);
    expect(formList(form([]), "roles")).toEqual([]);
    expect(formList(form([["roles", "a"], ["roles", file]]), "roles")).toBeNull();
  });

  it("reads a checkbox as checked only when the browser sent it", () => {
    expect(formChecked(form([["agree", "on"]]), "agree")).toBe(true);
    expect(formChecked(form([]), "agree")).toBe(false);
    expect(formChecked(form([["agree", "off"]]), "agree")).toBe(false);
    expect(formChecked(form([["agree", file]]), "agree")).toBe(false);
  });
});
