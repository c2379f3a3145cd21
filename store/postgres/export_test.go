package postgres

// TSQuery exports tsQuery to the tests.
var TSQuery = tsQuery
