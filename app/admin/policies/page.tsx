import type { Metadata } from "next";
import { PolicyForm } from "@/components/admin/policy-form";
import { confirmIdentityPath, requireStaffPage } from "@/lib/admin/admin-access";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { savePolicyAction } from "./actions";
import "./policies.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("policies.title") };
}

/**
 * The device authentication policy (seed 003) every flow applies. Administrators only: HELPDESK and
 * everyone else get the 404 page. A saved change applies to the next flow on every instance.
 */
export default async function PoliciesPage() {
  await requireStaffPage("policies.manage");
  const policy = await devicePolicyFor();
  const t = await serverTranslator("admin");
  return (
    <div className="stack">
      <h1>{t("policies.heading")}</h1>
      <p className="muted">{t("policies.intro")}</p>
      <PolicyForm policy={policy} action={savePolicyAction} confirmHref={confirmIdentityPath("/admin/policies")} />
    </div>
  );
}
