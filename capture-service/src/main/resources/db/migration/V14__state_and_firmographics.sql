-- What a person says about where they are (state, province or region) and about their company (web site or domain,
-- industry, size, revenue), as typed: free text that enrichment normalises. Optional, so nullable; a lead keeps the
-- first value given (progressive profiling) and each submission keeps its own.
alter table lead add column state varchar(100);
alter table lead add column website varchar(2048);
alter table lead add column industry varchar(100);
alter table lead add column employees varchar(50);
alter table lead add column revenue varchar(50);

alter table submission add column state varchar(100);
alter table submission add column website varchar(2048);
alter table submission add column industry varchar(100);
alter table submission add column employees varchar(50);
alter table submission add column revenue varchar(50);
