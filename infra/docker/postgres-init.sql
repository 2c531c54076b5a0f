-- One database per service: no service reads another's tables.
CREATE DATABASE xiaojian_projects;
CREATE DATABASE xiaojian_funding;
CREATE DATABASE xiaojian_capacity;
CREATE DATABASE xiaojian_reporting;
