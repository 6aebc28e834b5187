/** What a passcode was sent for. It is part of the code's binding, and the message says it. */
export const PASSCODE_PURPOSES = ["enrolment", "sign-in", "step-up"] as const;
export type PasscodePurpose = (typeof PASSCODE_PURPOSES)[number];
