import type { Role } from '@/db/schema';
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    clinicId?: string;
    role?: Role;
    sessionVersion?: number;
    mustChangePassword?: boolean;
  }
  interface Session {
    user: {
      id: string;
      clinicId: string;
      role: Role;
      name: string;
      email: string;
      mustChangePassword: boolean;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    cid?: string;
    role?: Role;
    sv?: number;
    mcp?: boolean;
    authTime?: number;
  }
}
