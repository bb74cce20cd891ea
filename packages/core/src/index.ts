export * from './cpv';
export * from './decp';
export * from './domain';
export * from './errors';
export * from './geo';
export * from './identity';
export * from './units';
export * from './census';
export * from './opendata';
export * from './calendar';
export * from './coordinator';
export * from './pooling';
export * from './procedure';
export * from './savings';
export * from './scenario';
export * from './competences';
export * from './demo';
export * from './families';
export * from './recipes';
export * from './naf';
export * from './lots';
export * from './sourcing';
export * from './lifecycle';
<<<<<<< HEAD
export * from './assembly-pack';
=======
export * from './setup';
>>>>>>> main
