export function RegistrationView(_: { flow: unknown; companyName: string }) {
  return null;
}
