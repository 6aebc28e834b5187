"use client";

import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Field } from "@/components/ui/field";
import "./sign-in.css";

/**
 * A password Field with a "Show password" checkbox, so a person can check what they typed (NIST SP
 * 800-63B 3.1.1.2 asks for the option). The checkbox is labelled on its own; the input keeps the
 * label given here, so "Password" names one control only when matched exactly.
 */
export function PasswordField({ after, ...field }: Omit<ComponentProps<typeof Field>, "type" | "children"> & { after?: ReactNode }) {
  const t = useTranslations("signIn");
  const [shown, setShown] = useState(false);
  const toggleId = `${useId()}-show`;
  const id = field.id ?? `field-${field.name}`;
  return (
    <Field {...field} type={shown ? "text" : "password"}>
      <div className="password-extras">
        <span className="show-password">
          <input id={toggleId} type="checkbox" checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} aria-controls={id} />
          <label htmlFor={toggleId}>{t("showPassword")}</label>
        </span>
        {after}
      </div>
    </Field>
  );
}
