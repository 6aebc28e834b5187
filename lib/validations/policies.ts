import { devicePolicySchema, POLICY_FLAGS, POLICY_NUMBERS } from "@/lib/policy/policy-document";

/**
 * The policy form's fields as the document they describe: numbers typed as text, checkboxes present
 * when ticked, the allowed device types as repeated fields. The limits and messages are the
 * document's own schema (lib/policy/policy-document.ts), shared by the form and the action.
 */
export function policyFromForm(form: FormData) {
  const numbers = Object.fromEntries(
    Object.keys(POLICY_NUMBERS).map((name) => {
      const raw = form.get(name);
      // Empty or absent is no number at all, never 0 (which Number("") would make it).
      const text = typeof raw === "string" ? raw.trim() : "";
      return [name, text === "" ? undefined : Number(text)];
    }),
  );
  const flags = Object.fromEntries(Object.keys(POLICY_FLAGS).map((name) => [name, form.get(name) === "on"]));
  return devicePolicySchema.safeParse({
    ...numbers,
    ...flags,
    allowedDeviceTypes: form.getAll("allowedDeviceTypes"),
    webauthnUserVerification: form.get("webauthnUserVerification"),
  });
}
