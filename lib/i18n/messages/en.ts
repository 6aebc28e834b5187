import { common } from "@/lib/i18n/messages/en/common";
import { errors } from "@/lib/i18n/messages/en/errors";
import { portal } from "@/lib/i18n/messages/en/portal";
import { language } from "@/lib/i18n/messages/en/language";
import { passcode } from "@/lib/i18n/messages/en/passcode";
import { signIn } from "@/lib/i18n/messages/en/sign-in";
import { authentication } from "@/lib/i18n/messages/en/authentication";
import { devices } from "@/lib/i18n/messages/en/devices";
import { registration } from "@/lib/i18n/messages/en/registration";
import { recoveryCodes } from "@/lib/i18n/messages/en/recovery-codes";
import { sessions } from "@/lib/i18n/messages/en/sessions";
import { browsers } from "@/lib/i18n/messages/en/browsers";
import { account } from "@/lib/i18n/messages/en/account";
import { widget } from "@/lib/i18n/messages/en/widget";
import { emails } from "@/lib/i18n/messages/en/emails";
import { authenticator } from "@/lib/i18n/messages/en/authenticator";
import { admin } from "@/lib/i18n/messages/en/admin";
import { audit } from "@/lib/i18n/messages/en/audit";
import { flows } from "@/lib/i18n/messages/en/flows";

/**
 * English, the source catalogue: every message is written here first, in ICU message format
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/), one file per area in ./en,
 * so each part of the app keeps its words beside the others' without sharing a file.
 */
export const en = { common, errors, portal, language, passcode, signIn, authentication, devices, registration, recoveryCodes, sessions, browsers, account, widget, emails, authenticator, admin, audit, flows };

/** Every catalogue has English's keys, each a string: a missing translation is a type error. */
export type Catalogue = { [K in keyof typeof en]: Strings<(typeof en)[K]> };
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
