import type { Metadata } from "next";
import { PairForm } from "@/components/authenticator/pair-form";

export const metadata: Metadata = { title: "Pair an account" };

export default function PairPage() {
  return (
    <>
      <header className="phone-header">
        <h1>Pair an account</h1>
      </header>
      <PairForm />
    </>
  );
}
