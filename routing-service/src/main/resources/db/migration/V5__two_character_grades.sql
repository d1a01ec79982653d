-- Scoring's grades are fit letter x engagement digit since rule sets became data ("A1"); older assignments keep "A".
alter table assignment alter column grade type varchar(2);
