import type { Catalogue } from "@/lib/i18n/messages/en";
import { common } from "@/lib/i18n/messages/fr/common";
import { errors } from "@/lib/i18n/messages/fr/errors";
import { portal } from "@/lib/i18n/messages/fr/portal";
import { language } from "@/lib/i18n/messages/fr/language";
import { passcode } from "@/lib/i18n/messages/fr/passcode";
import { signIn } from "@/lib/i18n/messages/fr/sign-in";
import { authentication } from "@/lib/i18n/messages/fr/authentication";
import { devices } from "@/lib/i18n/messages/fr/devices";
import { registration } from "@/lib/i18n/messages/fr/registration";
import { recoveryCodes } from "@/lib/i18n/messages/fr/recovery-codes";
import { sessions } from "@/lib/i18n/messages/fr/sessions";
import { browsers } from "@/lib/i18n/messages/fr/browsers";
import { account } from "@/lib/i18n/messages/fr/account";
import { widget } from "@/lib/i18n/messages/fr/widget";
import { emails } from "@/lib/i18n/messages/fr/emails";
import { authenticator } from "@/lib/i18n/messages/fr/authenticator";
import { admin } from "@/lib/i18n/messages/fr/admin";
import { audit } from "@/lib/i18n/messages/fr/audit";
import { flows } from "@/lib/i18n/messages/fr/flows";

/**
 * French, one file per area in ./fr beside English's. Typographic spaces before ":" follow French
 * usage (a no-break space, U+00A0). Each area's file is checked against English's by the type below.
 */
export const fr: Catalogue = { common, errors, portal, language, passcode, signIn, authentication, devices, registration, recoveryCodes, sessions, browsers, account, widget, emails, authenticator, admin, audit, flows };
