/**
 * NIST SP 800-63B 3.1.3.3 calls SMS and voice "restricted": a number can be moved to another SIM or
 * forwarded without the owner knowing. People choosing one are told so and offered something stronger
 * (security.md item 12). Pure, for the enrolment page.
 */
import { inEnglish, text } from "@/lib/i18n/text";

/** The enrolment page says it in the reader's language (registration.phone.restricted); this is its English. */
export const RESTRICTED_PHONE_NOTICE = inEnglish(text("registration.phone.restricted"));
