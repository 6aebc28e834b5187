"use client";

/** Back and Cancel, the way out of every registration step. */
export function StepButtons({ pending, canCancel, back = true }: { pending: boolean; canCancel: boolean; back?: boolean }) {
  return (
    <div className="row">
      {back && (
        <button className="btn btn-link" type="submit" name="type" value="BACK" disabled={pending} formNoValidate>
          Back
        </button>
      )}
      {canCancel && (
        <button className="btn btn-link" type="submit" name="type" value="CANCEL" disabled={pending} formNoValidate>
          Cancel
        </button>
      )}
    </div>
  );
}
