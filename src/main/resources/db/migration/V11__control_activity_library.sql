-- The seeded library of recurring control activities (domain.md), each with the SOC 2 criteria
-- and ISO/IEC 27001:2022 Annex A controls it serves. Frequency in months.
insert into control_activity (code, name, frequency_months, owner_team, soc2_criteria, iso_controls, form_name, active) values
('USER_ACCESS_REVIEW', 'User access review', 3, 'grc', 'CC6.1, CC6.2, CC6.3', 'A.5.15, A.5.18, A.8.2', 'access-review', true),
('VULNERABILITY_SCAN', 'Vulnerability scan', 3, 'platform', 'CC7.1, CC7.2', 'A.8.8', 'control-activity', true),
('RISK_REGISTER_REVIEW', 'Risk register review', 3, 'grc', 'CC3.1, CC3.2', 'A.5.7', 'control-activity', true),
('PRIVILEGED_ACCESS_REVIEW', 'Privileged access review', 3, 'platform', 'CC6.1, CC6.3', 'A.8.2, A.5.18', 'access-review', true),
('RISK_ASSESSMENT', 'Risk assessment', 12, 'grc', 'CC3.1, CC3.2, CC3.4', 'A.5.7', 'control-activity', true),
('SECURITY_AWARENESS_TRAINING', 'Security awareness training', 12, 'grc', 'CC1.4, CC2.2', 'A.6.3', 'control-activity', true),
('PENETRATION_TEST', 'Penetration test', 12, 'platform', 'CC4.1, CC7.1', 'A.8.8, A.8.29', 'control-activity', true),
('VENDOR_REVIEW', 'Vendor reviews', 12, 'grc', 'CC9.2', 'A.5.19, A.5.20, A.5.21, A.5.22', 'control-activity', true),
('POLICY_REVIEW', 'Policy review and approval', 12, 'grc', 'CC5.3, CC1.3', 'A.5.1, A.5.37', 'control-activity', true),
('BCDR_TEST', 'Business continuity and DR test', 12, 'platform', 'A1.2, A1.3, CC7.5', 'A.5.29, A.5.30, A.8.14', 'control-activity', true);
