-- The referential of schemes (dispositifs) the actions use, kept by the national team.
insert into programme_scheme (code, label, operator, version) values
('CITESLAB', 'CitésLab (Entrepreneuriat Quartiers 2030)', 'Bpifrance', 1),
('ENTREPRENEURIAT_QUARTIERS_2030', 'Entrepreneuriat Quartiers 2030', 'Bpifrance', 1),
('FONCIERE_COMMERCE', 'Foncière de redynamisation commerciale', 'Banque des Territoires', 1),
('FRANCE_NUM', 'France Num', 'Direction générale des entreprises', 1),
('CONSEILLER_NUMERIQUE', 'Conseillers numériques', 'ANCT', 1),
('FABRIQUE_DE_TERRITOIRE', 'Fabriques de territoire', 'ANCT', 1),
('MANUFACTURE_DE_PROXIMITE', 'Manufactures de proximité', 'ANCT', 1),
('CITE_DE_L_EMPLOI', 'Cités de l''emploi', 'ANCT', 1),
('ACTION_TERRITORIALE', 'Action propre du territoire', 'Collectivité', 1);
