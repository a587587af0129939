package vn.nangbuoc.funding;

enum Payee {
  HOSPITAL,
  FAMILY
}
