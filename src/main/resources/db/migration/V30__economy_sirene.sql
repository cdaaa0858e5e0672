-- SIRENE import (issue 4): national aggregates kept per stock date (history), establishments and
-- INSEE disagreements of the active import only. See docs/economy.md and ADR 0031.

create table eco_snapshot (
    version_id             bigint        not null primary key references dataset_version (id),
    stock_date             date          not null,
    keep_mode              varchar(16)   not null,
    establishments         bigint        not null,
    active_establishments  bigint        not null,
    kept_establishments    bigint        not null,
    disagreements          bigint        not null
);

create table eco_activity (
    version_id      bigint        not null references dataset_version (id),
    commune_code    varchar(5)    not null,
    qpv_status      varchar(16)   not null,
    qpv_code        varchar(12),
    naf_section     varchar(1)    not null,
    category        varchar(32)   not null,
    active          bigint        not null,
    employer        bigint        not null,
    craft_rm        bigint        not null,
    craft_naf       bigint        not null
);
create index eco_activity_commune on eco_activity (version_id, commune_code);
create index eco_activity_qpv on eco_activity (version_id, qpv_code);

create table eco_quality (
    version_id        bigint        not null references dataset_version (id),
    commune_code      varchar(5)    not null,
    qpv_status        varchar(16)   not null,
    qpv_code          varchar(12),
    geo_quality       varchar(16)   not null,
    insee_check       varchar(16)   not null,
    partial_diffusion boolean       not null,
    active            bigint        not null
);
create index eco_quality_commune on eco_quality (version_id, commune_code);
create index eco_quality_qpv on eco_quality (version_id, qpv_code);

create table eco_flow (
    version_id      bigint        not null references dataset_version (id),
    commune_code    varchar(5)    not null,
    qpv_status      varchar(16)   not null,
    qpv_code        varchar(12),
    kind            varchar(1)    not null,
    flow_year       integer       not null,
    n               bigint        not null
);
create index eco_flow_commune on eco_flow (version_id, commune_code);
create index eco_flow_qpv on eco_flow (version_id, qpv_code);

create table eco_disagreement (
    version_id      bigint        not null references dataset_version (id),
    siret           varchar(14)   not null,
    commune_code    varchar(5),
    qpv_status      varchar(16)   not null,
    qpv_code        varchar(12),
    insee_qp24      varchar(12)   not null,
    active          boolean       not null
);
create index eco_disagreement_version on eco_disagreement (version_id, commune_code);

create table eco_establishment (
    version_id      bigint        not null references dataset_version (id),
    siret           varchar(14)   not null,
    commune_code    varchar(5),
    qpv_status      varchar(16)   not null,
    qpv_code        varchar(12),
    insee_qp24      varchar(12),
    geo_quality     varchar(16)   not null,
    naf             varchar(8),
    naf_section     varchar(1)    not null,
    category        varchar(32)   not null,
    craft           varchar(3),
    active          boolean       not null,
    date_creation   date,
    date_fermeture  date,
    employer        boolean       not null,
    tranche         varchar(2),
    sign            varchar(200),
    address         varchar(500),
    primary key (version_id, siret)
);
create index eco_establishment_commune on eco_establishment (version_id, commune_code);
create index eco_establishment_qpv on eco_establishment (version_id, qpv_code);
