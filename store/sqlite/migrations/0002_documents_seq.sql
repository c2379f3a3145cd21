-- Writes read MAX(seq) once per batch; without an index that scans every
-- document.
CREATE INDEX documents_seq ON documents(seq);
