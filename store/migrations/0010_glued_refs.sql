-- A ref whose headline was cut out of running text keeps the index of the
-- body paragraph that followed it: when a stored title shows that the cut
-- took body words into the headline, resolution gives them back there.
ALTER TABLE refs ADD COLUMN glued_para INTEGER;
