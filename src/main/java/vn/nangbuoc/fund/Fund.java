package vn.nangbuoc.fund;

public record Fund(String id, String name, String unitCode) {
}
