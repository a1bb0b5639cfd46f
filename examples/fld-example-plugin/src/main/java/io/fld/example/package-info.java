package io.fld.example;
