/** Words every page shares: buttons, confirmations, form states (components/ui). */
export const common = {};
