/**
 * A proposed appointment ($find) is not stored: its id names the number it would claim and, when
 * $find was asked for a patient, that patient, so `$hold`/`$book` with only the reference
 * (IHE ITI-116/117) know both. Stored appointments have numeric ids, so the two never collide.
 */
export interface ProposalRef { slotId: number; patientId: number | null }

const PROPOSAL = /^slot-(\d{1,15})(?:-patient-(\d{1,15}))?$/;

export function proposalId(slotId: number, patientId?: number | null): string {
  return patientId ? `slot-${slotId}-patient-${patientId}` : `slot-${slotId}`;
}

export function parseProposalId(id: string): ProposalRef | null {
  const m = PROPOSAL.exec(id);
  return m ? { slotId: Number(m[1]), patientId: m[2] ? Number(m[2]) : null } : null;
}
