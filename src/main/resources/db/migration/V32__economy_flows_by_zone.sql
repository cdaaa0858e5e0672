-- Creations and closures: one row per zone and kind with its years in two arrays (ADR 0045),
-- instead of one row per year (1.9 M rows per national import, about a ninth as many now).
-- Years without any creation or closure are left out, as before: flow_years[k] has counts[k].
create table eco_flow_by_zone (
    version_id      bigint         not null,
    commune_code    varchar(5)     not null,
    qpv_status      varchar(16)    not null,
    qpv_code        varchar(12),
    kind            varchar(1)     not null,
    flow_years      integer array  not null,
    counts          bigint array   not null
);
insert into eco_flow_by_zone (version_id, commune_code, qpv_status, qpv_code, kind, flow_years, counts)
select version_id, commune_code, qpv_status, qpv_code, kind,
       array_agg(flow_year order by flow_year), array_agg(n order by flow_year)
from eco_flow
group by version_id, commune_code, qpv_status, qpv_code, kind;
drop table eco_flow;
alter table eco_flow_by_zone rename to eco_flow;
create index eco_flow_commune on eco_flow (version_id, commune_code);
create index eco_flow_qpv on eco_flow (version_id, qpv_code);
