package vn.nangbuoc.erasure;

/** Why a case file was erased: an administrator's decision, or the end of its retention period. */
public enum ErasureKind {
  BY_ADMINISTRATOR, RETENTION_ENDED
}
