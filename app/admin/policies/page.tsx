import type { Metadata } from "next";
import { PolicyForm } from "@/components/admin/policy-form";
import { confirmIdentityPath, requireStaffPage } from "@/lib/admin/admin-access";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { savePolicyAction } from "./actions";
import "./policies.css";

export const metadata: Metadata = { title: "Policies" };

/**
 * The device authentication policy (seed 003) every flow applies. Administrators only: HELPDESK and
 * everyone else get the 404 page. A saved change applies to the next flow on every instance.
 */
export default async function PoliciesPage() {
  await requireStaffPage("policies.manage");
  const policy = await devicePolicyFor();
  return (
    <div className="stack">
      <h1>Device authentication policy</h1>
      <p className="muted">
        The rules every sign-in, registration and device change follows, for every user and every application (the policy named
        &ldquo;default&rdquo;). Each limit is the one the environment variables allow; the NIST ceilings (a passcode lives at most 10
        minutes, devices lock after at most 50 failures) cannot be raised. Saving asks that you signed in or confirmed it&apos;s you in
        the last few minutes.
      </p>
      <PolicyForm policy={policy} action={savePolicyAction} confirmHref={confirmIdentityPath("/admin/policies")} />
    </div>
  );
}
