/** Audit events as people read them: what happened, in the account activity and the admin console. */
export const audit = {};
