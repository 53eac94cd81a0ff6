import type { Questionnaire } from '@medplum/fhirtypes';

/** text in the UI's two languages */
export interface Text {
  zh: string;
  en: string;
}

/** a work-list task a band or an override raises (decision support: a clinician confirms it) */
export interface SuggestedTask {
  /** role whose work list gets it, e.g. 'psychologist', 'doctor' */
  role: string;
  priority: 'routine' | 'urgent' | 'stat';
  /** due this many hours after the assessment */
  dueHours: number;
}

/** a number computed from the answers by a FHIRPath expression over the QuestionnaireResponse */
export interface ScoreDef {
  id: string;
  label: Text;
  /** FHIRPath over the QuestionnaireResponse; `%questionnaire` is the Questionnaire (for weight()) */
  expression: string;
  /** items that must be answered for the score to exist (a missing one leaves it uncomputed, never 0) */
  requires: string[];
}

/** interpretation of a score range; min and max inclusive, max null = open-ended (scales.json convention) */
export interface BandDef {
  score: string;
  code: string;
  min: number;
  max: number | null;
  label: Text;
  /** interpretation and suggested action */
  action: Text;
  task?: SuggestedTask;
}

/** a rule that applies whatever the total, e.g. PHQ-9 item 9 ≥ 1 */
export interface OverrideDef {
  id: string;
  /** FHIRPath over the QuestionnaireResponse giving true when the rule fires; scores are `%<scoreId>` */
  when: string;
  label: Text;
  action: Text;
  task?: SuggestedTask;
}

export interface ScaleScoring {
  scores: ScoreDef[];
  bands: BandDef[];
  overrides?: OverrideDef[];
}

/**
 * A scale as the platform holds it: the FHIR Questionnaire (stable canonical url and version), the
 * declarative scoring the one engine evaluates, and where it comes from.
 */
export interface ScaleDefinition {
  id: string;
  questionnaire: Questionnaire & { url: string; version: string };
  scoring: ScaleScoring;
  /** the published source the items, scoring and bands follow */
  source: string;
  licence: { text: string; permissionRequired: boolean };
  /** V / P / U per ../shared/clinical/scales.md §0.1; P and U facts await clinical sign-off */
  verification: string;
}

export interface ScoreResult {
  /** `${url}|${version}` the response was scored against */
  questionnaire: string;
  scores: Record<string, number | null>;
  bands: { score: string; code: string; label: Text; action: Text; task?: SuggestedTask }[];
  overrides: { id: string; label: Text; action: Text; task?: SuggestedTask }[];
}
