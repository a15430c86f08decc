import { rejected, RejectionReason, StoredResult } from './check-in-outcome';

/**
 * How many typed serials naming no pass (unknown, or of a network the space does not take) one desk,
 * a scanner or an operator's account, may send in a minute before its serials are no longer looked
 * up. A serial is eight characters a person types, so a desk sending serials by the hundred would,
 * without a cap, find the passes of its networks by trying (and check them in for money). A desk at
 * work mistypes a few: it never comes near the cap, and nothing else is ever counted or refused, not
 * a QR code (signed, nothing to guess), not a serial that names a pass before the cap is reached.
 */
export const UNKNOWN_SERIALS_PER_MINUTE = 30;

/**
 * Past the cap a serial is refused whether or not it names a pass, so the answer tells nothing. The
 * reason stays INVALID_CREDENTIAL (v1's reasons have no other that fits, and an error would fail the
 * whole upload); the sentence tells the desk what to do.
 */
const CAPPED_MESSAGE =
  'Too many unknown pass codes were typed on this device in the last minute: scan the QR code, or type the serial again in a minute.';

/**
 * The count for one transaction. It starts from the desk's row in `desk_serial_misses`, locked until
 * commit by the scan-context statement (check-in-statements.ts) (so concurrent uploads of one desk count one after the other,
 * on every instance), and adds the misses of this batch in upload order; the outcomes statement
 * stores the sum.
 */
export class SerialGuesses {
  added = 0;

  constructor(private readonly missesThisMinute: number) {}

  /** Whether the next serial of this batch is still looked up. */
  get open(): boolean {
    return this.missesThisMinute + this.added < UNKNOWN_SERIALS_PER_MINUTE;
  }

  /** A serial that named no pass. */
  miss(): StoredResult {
    this.added += 1;
    return rejected(RejectionReason.INVALID_CREDENTIAL);
  }

  refused(): StoredResult {
    return { ...rejected(RejectionReason.INVALID_CREDENTIAL), message: CAPPED_MESSAGE };
  }
}
